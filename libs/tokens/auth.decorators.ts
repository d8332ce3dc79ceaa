/**
 * The access decorators live in the HTTP layer (`@tollgate/http`); they are re-exported here because
 * teams' modules (and `npm run new:module`'s scaffold) import them from `@tollgate/tokens`.
 */
export { CurrentPrincipal, Operator, Public, REQUIRED_SCOPES, RequireScopes } from '@tollgate/http';
export type { TollgateRequest as AuthenticatedRequest } from '@tollgate/http';
