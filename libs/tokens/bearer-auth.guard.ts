import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { BearerError } from '@tollgate/domain-errors';
import type { RequestLogContext } from '@tollgate/observability';
import { PUBLIC_ROUTE, REQUIRED_SCOPES } from './auth.decorators';
import type { Principal } from './principal';

type GuardedRequest = {
  url: string;
  user?: unknown;
  principal?: Principal;
  raw?: { tollgate?: RequestLogContext };
  routeOptions?: { url?: string };
};

/**
 * Authenticates every route under `/api/` (all of `/api/v1` by default; `@Public()` opts out) and
 * checks `@RequireScopes`. Cost: no I/O in steady state (principals are cached in process); the
 * throttle guard that runs next makes the request's one Redis call.
 */
@Injectable()
export class BearerAuthGuard extends AuthGuard('bearer') {
  constructor(private readonly reflector: Reflector) {
    super({ session: false });
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<GuardedRequest>();
    if (!req.url.startsWith('/api/')) return true;
    const route = this.routeOf(context);
    if (route.isPublic) return true;
    await (super.canActivate(context) as Promise<boolean>);
    const principal = req.user as Principal;
    req.principal = principal;
    // The cached principal itself (no allocation per request) carries the ids the request log line names.
    if (req.raw) req.raw.tollgate = principal;
    for (const scope of route.scopes) {
      if (!principal.scopes.includes(scope)) throw new BearerError('insufficient_scope', `this route requires scope ${route.scopes.join(' ')}`, route.scopes);
    }
    return true;
  }

  /** A route's metadata never changes: read once per handler, not once per request. */
  private readonly routes = new WeakMap<object, { isPublic: boolean; scopes: string[] }>();

  private routeOf(context: ExecutionContext): { isPublic: boolean; scopes: string[] } {
    const handler = context.getHandler();
    let route = this.routes.get(handler);
    if (!route) {
      const targets = [handler, context.getClass()];
      route = {
        isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false,
        scopes: this.reflector.getAllAndOverride<string[]>(REQUIRED_SCOPES, targets) ?? [],
      };
      this.routes.set(handler, route);
    }
    return route;
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    // BearerErrors from validate() and anything unexpected go to the exception filter as they are.
    if (err) throw err;
    if (!user) {
      // passport-http-bearer fails with a challenge string when no token was sent, and with 400 for a
      // malformed Authorization header.
      if (typeof info === 'string' && !info.includes('error=')) throw new BearerError('missing_token', 'an access token is required');
      throw new BearerError('invalid_token', 'the access token is missing or malformed');
    }
    return user;
  }
}
