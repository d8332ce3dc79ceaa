import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';

export type SecretPurpose = 'client-secret' | 'access-token';

/**
 * Hashes of our own high-entropy credentials: client secrets and access tokens are 256-bit random
 * values, so a keyed fast hash (HMAC-SHA-256 under a server-side pepper) is as strong as a slow
 * password hash against guessing, while a slow hash (bcrypt, scrypt) would cap token issuance and
 * guard cache misses at a few hundred per second per core. The pepper means a stolen database alone
 * cannot even confirm a leaked token. The purpose is mixed in so the two kinds never collide.
 */
@Injectable()
export class SecretHasher {
  constructor(@Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig) {}

  /** A new 256-bit random value, base64url, with a recognisable prefix (secret scanners match it). */
  static generate(prefix: string): string {
    return `${prefix}${randomBytes(32).toString('base64url')}`;
  }

  hash(purpose: SecretPurpose, value: string): string {
    return createHmac('sha256', this.config.secretPepper).update(purpose).update('\0').update(value).digest('hex');
  }

  /** Constant-time comparison of a presented value with a stored hash. */
  matches(purpose: SecretPurpose, presented: string, storedHash: string): boolean {
    const a = Buffer.from(this.hash(purpose, presented), 'hex');
    const b = Buffer.from(storedHash, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
