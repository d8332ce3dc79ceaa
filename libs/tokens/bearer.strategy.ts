import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { BearerError } from '@tollgate/domain-errors';
import { BEARER_STRATEGY } from '@tollgate/http';
import type { Principal } from './principal';
import { TokensService } from './tokens.service';

type BearerRequest = {
  headers: Record<string, string | string[] | undefined>;
  query?: unknown;
  body?: unknown;
  raw?: { rawHeaders?: string[] };
};

const hasField = (source: unknown, name: string) =>
  typeof source === 'object' && source !== null && Object.prototype.hasOwnProperty.call(source, name);

/**
 * passport-http-bearer reads `Authorization: Bearer` (RFC 6750 2.1); InsideView clients send the token
 * in an `accessToken` header instead. Those two headers are the only places a token is taken from:
 * passport-http-bearer would also take `access_token` from the query string or a form body (RFC 6750
 * 2.2, 2.3), but query strings end up in logs and proxies, so both are refused with 400, and so is a
 * request that presents two tokens (two Authorization headers, or Authorization and accessToken
 * with different values) instead of letting one silently win.
 */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, BEARER_STRATEGY) {
  constructor(private readonly tokens: TokensService) {
    // The request reaches validate() so that lookups of unknown tokens are limited per client address.
    super({ realm: 'tollgate', passReqToCallback: true });
  }

  override authenticate(req: BearerRequest, options?: unknown): void {
    const problem = presentationProblem(req);
    // Passport gives a strategy `error()` while it authenticates: the access guard rethrows what it gets.
    if (problem)
      return (this as unknown as { error(err: Error): void }).error(new BearerError('invalid_request', problem));
    const insideView = req.headers.accesstoken;
    if (!req.headers.authorization && typeof insideView === 'string' && insideView) {
      req.headers.authorization = `Bearer ${insideView}`;
    }
    super.authenticate(req as never, options as never);
  }

  validate(req: { ip?: string }, token: string): Promise<Principal> {
    return this.tokens.authenticate(token, req.ip);
  }
}

function presentationProblem(req: BearerRequest): string | undefined {
  if (hasField(req.query, 'access_token'))
    return 'send the access token in the Authorization header, not in the query string';
  if (hasField(req.body, 'access_token'))
    return 'send the access token in the Authorization header, not in the request body';
  // Node keeps only the first of repeated Authorization headers in `headers`; the raw list has them all.
  const raw = req.raw?.rawHeaders ?? [];
  let authorizations = 0;
  let accessTokens = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (name === 'authorization') authorizations++;
    else if (name === 'accesstoken') accessTokens++;
  }
  if (authorizations > 1 || accessTokens > 1) return 'send one access token, in one header';
  const authorization = req.headers.authorization;
  const insideView = req.headers.accesstoken;
  if (typeof authorization === 'string' && typeof insideView === 'string') {
    const bearer = /^bearer +(.+)$/i.exec(authorization.trim())?.[1];
    if (bearer !== insideView.trim()) return 'the Authorization and accessToken headers carry different tokens';
  }
  return undefined;
}
