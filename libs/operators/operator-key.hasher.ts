import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';

type Purpose = 'operator-key' | 'operator-session';

/**
 * Keyed hashes of operator keys and console session cookies, as for client secrets and tokens: both
 * are 256-bit random values, so HMAC-SHA-256 under the server pepper is as strong as a slow password
 * hash against guessing, costs microseconds per check, and a stolen database cannot confirm a leaked
 * key. The purpose is mixed in, so a key, a session and a client secret never share a hash.
 */
@Injectable()
export class OperatorKeyHasher {
  constructor(@Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig) {}

  /** A new 256-bit random value, base64url, with a recognisable prefix (secret scanners match it). */
  static generate(prefix: string): string {
    return `${prefix}${randomBytes(32).toString('base64url')}`;
  }

  hash(purpose: Purpose, value: string): string {
    return createHmac('sha256', this.config.secretPepper).update(purpose).update('\0').update(value).digest('hex');
  }

  /** Constant-time equality of two strings of our own making (CSRF tokens). */
  static same(a: string, b: string): boolean {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  }
}
