import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiOAuth2 } from '@nestjs/swagger';
import type { Principal } from './principal';

export const PUBLIC_ROUTE = 'tollgate:public';
export const REQUIRED_SCOPES = 'tollgate:scopes';

/** Marks the rare `/api/v1` route that needs no access token (no throttling or metering either). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Scopes the token must carry, all of them; otherwise 403 `insufficient_scope`. Also documented in OpenAPI. */
export const RequireScopes = (...scopes: string[]) => applyDecorators(SetMetadata(REQUIRED_SCOPES, scopes), ApiOAuth2(scopes, 'oauth2'));

/** The request object as the guards leave it. */
export interface AuthenticatedRequest {
  principal?: Principal;
}

/** The authenticated caller of an `/api/v1` route. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route the bearer guard does not protect');
  return principal;
});
