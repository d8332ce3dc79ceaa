/**
 * The access decorators live in the HTTP layer (`@tollgate/http`); they are re-exported here because
 * teams' modules (and `npm run new:module`'s scaffold) import them from `@tollgate/tokens`.
 */
export { CurrentPrincipal, Operator, Public, REQUIRED_SCOPES, RequireScopes } from '@tollgate/http';
/** @deprecated the request type is `TollgateRequest` of `@tollgate/http`; this is the same type. */
export type { TollgateRequest as AuthenticatedRequest } from '@tollgate/http';
