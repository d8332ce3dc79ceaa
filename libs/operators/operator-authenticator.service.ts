import { Injectable } from '@nestjs/common';
import { DomainError, StoreUnavailableError } from '@tollgate/domain-errors';
import {
  type OperatorIdentity,
  OperatorAuthenticator,
  type OperatorRequest,
  presentedOperatorKey,
} from '@tollgate/http';
import { isRedisUnavailable, isStoreUnavailable } from '@tollgate/persistence';
import { sessionCookieOf } from './console-cookie';
import { OperatorKeyHasher } from './operator-key.hasher';
import { OperatorSessionsService } from './operator-sessions.service';
import { OperatorsService } from './operators.service';

/** The header the console sends its session's CSRF token in, on every request that changes something. */
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is calling an operator route: an operator key in a header (the bootstrap key or a named
 * operator's), else a console session cookie. The record decides (Mongo: the operator, the session);
 * this process may answer a named key from its copy only while the change feed vouches for it.
 *
 * A session request that changes something must prove it comes from the console itself: it carries
 * the session's CSRF token in `X-CSRF-Token` and, when the browser sends `Origin`, that origin is
 * this server's. Plugin pages (the queue dashboard) cannot send the header, so for them a same-origin
 * `Origin` is required instead. With the SameSite=Strict cookie, that is two independent defences.
 */
@Injectable()
export class OperatorAuthenticatorService extends OperatorAuthenticator {
  constructor(
    private readonly operators: OperatorsService,
    private readonly sessions: OperatorSessionsService,
  ) {
    super();
  }

  async authenticate(request: OperatorRequest, options: { plugin?: boolean } = {}): Promise<OperatorIdentity | null> {
    try {
      return await this.identify(request, options.plugin === true);
    } catch (err) {
      if (isStoreUnavailable(err) || isRedisUnavailable(err)) throw new StoreUnavailableError();
      throw err;
    }
  }

  private async identify(request: OperatorRequest, plugin: boolean): Promise<OperatorIdentity | null> {
    const key = presentedOperatorKey(request.headers);
    if (key !== undefined) {
      const operator = await this.operators.authenticateKey(key);
      return operator ? { name: operator.name, role: operator.role, via: 'key' } : null;
    }
    const token = sessionCookieOf(request.headers.cookie);
    if (!token) return null;
    const resolved = await this.sessions.resolve(token);
    if (!resolved) return null;
    if (!SAFE_METHODS.has(request.method.toUpperCase())) checkSameOrigin(request, resolved.session.csrfToken, plugin);
    return { name: resolved.operator.name, role: resolved.operator.role, via: 'session' };
  }
}

function checkSameOrigin(request: OperatorRequest, csrfToken: string, plugin: boolean): void {
  const origin = header(request, 'origin');
  const host = header(request, 'host');
  let sameOrigin: boolean;
  try {
    sameOrigin = !!origin && !!host && new URL(origin).host === host;
  } catch {
    // An Origin that is not a URL is no origin of ours.
    sameOrigin = false;
  }
  if (origin !== undefined && !sameOrigin)
    throw new DomainError(
      'forbidden',
      'csrf_failed',
      'a console session may only be used from the console itself (Origin differs)',
    );
  if (plugin) {
    if (!sameOrigin)
      throw new DomainError(
        'forbidden',
        'csrf_failed',
        'a change through a console session needs a same-origin Origin header',
      );
    return;
  }
  const presented = header(request, CSRF_HEADER);
  if (!presented || !OperatorKeyHasher.same(presented, csrfToken))
    throw new DomainError(
      'forbidden',
      'csrf_failed',
      `a change through a console session needs the session's CSRF token in ${CSRF_HEADER}`,
    );
}

function header(request: OperatorRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
