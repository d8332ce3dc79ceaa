import { type ExecutionContext, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { BearerError, DomainError } from '@tollgate/domain-errors';
import { type OperatorIdentity, OperatorAuthenticator } from './operator-identity';
import { hasOperatorKey } from './operator-key';
import { type RouteAccess, routeAccessOf } from './route-access';
import type { TollgateRequest } from './tollgate-request';

/** The Passport strategy name the tokens library registers (passport-http-bearer). */
export const BEARER_STRATEGY = 'bearer';

/**
 * The one access decision for every route Nest serves, registered first among the app's guards.
 * Closed by default: the matched handler's metadata says `public`, `operator` or (by default)
 * `bearer`, and the request URL plays no part, so no spelling of a path (`/%61pi/…`, `//api/…`,
 * `/api/./…`) can reach a handler under a weaker rule than its own.
 *
 * Bearer routes: Passport's bearer strategy authenticates (cached principal: no I/O in steady state),
 * then scopes are checked; the throttle guard that runs next makes the request's one Redis call.
 */
@Injectable()
export class AccessGuard extends AuthGuard(BEARER_STRATEGY) {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
    // Provided by the operators library (named operators, console sessions); without it only the
    // bootstrap key opens operator routes.
    @Optional() private readonly operators?: OperatorAuthenticator,
  ) {
    // Passport stores the principal its strategy returns in `request.principal`, the one place the
    // request type keeps the caller.
    super({ session: false, property: 'principal' });
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    // Only HTTP exists in these apps; any other transport would be refused rather than waved through.
    if (context.getType() !== 'http') return false;
    const req = context.switchToHttp().getRequest<TollgateRequest>();
    const access = routeAccessOf(this.reflector, context);
    switch (access.kind) {
      case 'public':
        return true;
      case 'operator':
        // Operator routes may read the store (a named operator's record, a session); the data API's
        // budget (one Redis call, no store call) is untouched: this branch is never taken there.
        req.operator = await this.operator(req, access);
        return true;
      case 'bearer':
        break;
    }
    try {
      await (super.canActivate(context) as Promise<boolean>);
    } catch (err) {
      if (err instanceof DomainError) throw err;
      // E.g. no bearer strategy in this process (the worker): refuse, never serve.
      this.logger.error({ err: (err as Error)?.message }, 'bearer authentication failed unexpectedly');
      throw new BearerError('invalid_token', 'the access token could not be verified');
    }
    const principal = req.principal;
    if (!principal) throw new BearerError('missing_token', 'an access token is required');
    for (const scope of access.scopes) {
      if (!principal.scopes.includes(scope))
        throw new BearerError('insufficient_scope', `this route requires scope ${access.scopes.join(' ')}`, [
          ...access.scopes,
        ]);
    }
    return true;
  }

  /** The operator the request presents, if its role admits the route: 401 without one, 403 `forbidden` for a viewer on a change. */
  private async operator(req: TollgateRequest, access: RouteAccess): Promise<OperatorIdentity> {
    const operator = this.operators
      ? await this.operators.authenticate({ method: req.method ?? 'GET', headers: req.headers, ip: req.ip })
      : hasOperatorKey(this.config, req.headers)
        ? ({ name: 'root', role: 'admin', via: 'key' } as const)
        : null;
    if (!operator)
      throw new DomainError(
        'unauthenticated',
        'operator_key_required',
        'a valid operator key (X-Operator-Key) or console session is required',
      );
    if (access.operatorRole === 'admin' && operator.role !== 'admin')
      throw new DomainError(
        'forbidden',
        'forbidden',
        `operator ${operator.name} is a viewer: this route changes something and needs an admin`,
      );
    return operator;
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    // BearerErrors from the strategy and anything unexpected go on as they are.
    if (err) throw err;
    if (!user) {
      // passport-http-bearer fails with a challenge string when no token was sent, and with 400 for a
      // malformed Authorization header.
      if (typeof info === 'string' && !info.includes('error='))
        throw new BearerError('missing_token', 'an access token is required');
      throw new BearerError('invalid_token', 'the access token is missing or malformed');
    }
    return user;
  }
}
