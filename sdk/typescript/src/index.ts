export {
  createTollgateClient,
  type TollgateClient,
  type TollgateClientOptions,
  type TollgateMethod,
} from './tollgate-client.js';
export { TollgateError } from './tollgate-error.js';
export { NOT_APPLIED_HEADER, type RetryEvent } from './retry-policy.js';
export type { components, operations, paths } from './generated/openapi.js';
