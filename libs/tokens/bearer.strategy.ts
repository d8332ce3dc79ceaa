import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import type { Principal } from './principal';
import { TokensService } from './tokens.service';

/**
 * passport-http-bearer reads `Authorization: Bearer` (RFC 6750); InsideView clients send the token
 * in an `accessToken` header instead, which is accepted when no Authorization header is present.
 */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(private readonly tokens: TokensService) {
    super({ realm: 'tollgate' });
  }

  override authenticate(req: { headers: Record<string, string | string[] | undefined> }, options?: unknown): void {
    const insideView = req.headers.accesstoken;
    if (!req.headers.authorization && typeof insideView === 'string' && insideView) {
      req.headers.authorization = `Bearer ${insideView}`;
    }
    super.authenticate(req as never, options as never);
  }

  validate(token: string): Promise<Principal> {
    return this.tokens.authenticate(token);
  }
}
