import { isIP } from 'node:net';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { REDIS, type RedisClient } from '@tollgate/persistence';
import { AUTH_FAILURES_SCRIPT } from './auth-failures.lua';
import { TooManyFailuresError } from './too-many-failures.error';

/** The window of AUTH_FAILURE_LIMIT: failed authentications one address may make in it before it is refused until it ends. */
export const AUTH_FAILURE_WINDOW_MS = 60_000;

/**
 * Limits failed authentications per client address (the token endpoints' client authentication, and
 * the bearer guard's lookups of unknown tokens), so guessing client IDs, secrets or tokens is slow
 * and cannot turn into a flood of store lookups. Successful authentications are never counted.
 *
 * Keys are bounded: one counter per address (IPv6 per /64, which one host usually owns whole), each
 * expiring with its window. While Redis is away the limiter admits (logged): it is a brake on
 * guessing, and every credential is still checked against the record.
 *
 * The check before an attempt reads the shared count (one GET; the refusal is decided on it, and a
 * refused attempt changes nothing); only a failure runs the counting script.
 */
@Injectable()
export class AuthFailuresService {
  private readonly logger = new Logger(AuthFailuresService.name);

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
  ) {}

  /** Refuses (TooManyFailuresError) an address that used up its failures; one GET, no write. */
  async assertAllowed(address: string | undefined): Promise<void> {
    const key = this.key(address);
    let count: number;
    try {
      count = Number((await this.redis.get(key)) ?? 0);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'auth failure limiter unavailable; admitting');
      return;
    }
    if (count < this.config.authFailureLimit) return;
    const ttl = await this.redis.pttl(key).catch(() => AUTH_FAILURE_WINDOW_MS);
    if (ttl > 0) throw new TooManyFailuresError(Math.max(1, Math.ceil(ttl / 1000)));
  }

  /** Counts one failed authentication of the address; one Redis call. */
  async recordFailure(address: string | undefined): Promise<void> {
    try {
      await this.redis.eval(AUTH_FAILURES_SCRIPT, 1, this.key(address), String(AUTH_FAILURE_WINDOW_MS));
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'auth failure limiter unavailable; failure not counted');
    }
  }

  private key(address: string | undefined): string {
    return `${this.config.redisPrefix}:authfail:${clientKey(address)}`;
  }

  /**
   * `attempt` under the limiter: refused beforehand when the address used up its failures, and
   * counted when it fails with an error `isFailure` recognises (a wrong credential, not an outage).
   */
  async guard<T>(
    address: string | undefined,
    attempt: () => Promise<T>,
    isFailure: (err: unknown) => boolean,
  ): Promise<T> {
    await this.assertAllowed(address);
    try {
      return await attempt();
    } catch (err) {
      if (isFailure(err)) await this.recordFailure(address);
      throw err;
    }
  }
}

/** The address a counter is kept for: IPv4 as is, IPv6 by its /64 (IPv4-mapped IPv6 as IPv4). */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIP(address) !== 6) return isIP(address) === 4 ? address : 'unknown';
  const [head, tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return (
    groups
      .slice(0, 4)
      .map((g) => parseInt(g || '0', 16).toString(16))
      .join(':') + '::/64'
  );
}
