export { isPrivateAddress, webhookTargetProblem } from './address-policy';
