export { isPrivateAddress, isPublicUnicastAddress, webhookTargetProblem } from './address-policy';
export { guardedLookup, guardedPost } from './guarded-post';
