export { isPrivateAddress, isPublicUnicastAddress, webhookTargetProblem } from './address-policy';
export { guardedLookup, guardedPost } from './guarded-post';
export { IpAllowList, MAX_ALLOWED_IPS, normaliseAllowedIps } from './ip-allow-list';
