import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { BearerError } from '@tollgate/domain-errors';
import type { OperatorRole } from './operator-identity';
import { OPERATOR_ROLE, REQUIRED_SCOPES, ROUTE_ACCESS } from './route-access';
import type { Caller, TollgateRequest } from './tollgate-request';

/**
 * Opens a route to anyone: no token, no throttling, no metering. Every route that does not say
 * `@Public()` or `@Operator()` needs a bearer token.
 */
export const Public = () => SetMetadata(ROUTE_ACCESS, 'public');

/**
 * An operator route: an operator's key (or console session), and nothing else, opens it. A route
 * declared as GET admits viewers, any other only admins; `role` says otherwise where that rule does
 * not fit (the operators API is for admins even to read it; signing out is for everyone). (The
 * OpenAPI document reads this metadata to state the route's security and refusals.)
 */
export const Operator = (options: { role?: OperatorRole } = {}) =>
  options.role
    ? applyDecorators(SetMetadata(ROUTE_ACCESS, 'operator'), SetMetadata(OPERATOR_ROLE, options.role))
    : SetMetadata(ROUTE_ACCESS, 'operator');

/**
 * Scopes the token must carry, all of them; otherwise 403 `insufficient_scope`. The OpenAPI document
 * states them as one requirement and lists every scope any route requires in the oauth2 scheme.
 */
export const RequireScopes = (...scopes: string[]) => SetMetadata(REQUIRED_SCOPES, scopes);

/**
 * The authenticated caller of a bearer route. The access guard sets it before any handler runs; on a
 * route that is not a bearer route there is none, and the request is refused with 401 rather than
 * reaching the handler with nobody.
 */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Caller => {
  const principal = ctx.switchToHttp().getRequest<TollgateRequest>().principal;
  if (!principal) throw new BearerError('missing_token', 'an access token is required');
  return principal;
});
