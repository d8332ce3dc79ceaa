import { isIP } from 'node:net';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { REDIS, type RedisClient } from '@tollgate/persistence';
import { AUTH_FAILURES_SCRIPT } from './auth-failures.lua';
import { TooManyFailuresError } from './too-many-failures.error';

/** The window of AUTH_FAILURE_LIMIT: failed authentications one address may make in it before it is refused until it ends. */
export const AUTH_FAILURE_WINDOW_MS = 60_000;
/** Blocked addresses remembered in process, at most (a flood of addresses cannot grow memory). */
const MAX_BLOCKED = 100_000;

/**
 * Limits failed authentications per client address (the token endpoints' client authentication, and
 * the bearer guard's lookups of unknown tokens), so guessing client IDs, secrets or tokens is slow
 * and cannot turn into a flood of store lookups. Successful authentications are never counted.
 *
 * Keys are bounded: one counter per address (IPv6 per /64, which one host usually owns whole), each
 * expiring with its window. While Redis is away the limiter admits (logged): it is a brake on
 * guessing, and every credential is still checked against the record.
 *
 * The count is shared by every instance (Redis); the refusal is decided in process, from what the
 * address's last failure here returned, so a successful authentication costs no Redis call. An
 * address blocked elsewhere is blocked here at its first failure here: across N instances a guesser
 * gets at most N - 1 attempts beyond the limit per window.
 */
@Injectable()
export class AuthFailuresService {
  private readonly logger = new Logger(AuthFailuresService.name);
  /** Addresses that used up their failures, by counter key: until when (ms). Bounded; expired ones go first. */
  private readonly blocked = new Map<string, number>();

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
  ) {}

  /** Refuses (TooManyFailuresError) an address that used up its failures; in process, no Redis call. */
  assertAllowed(address: string | undefined): void {
    const key = clientKey(address);
    const until = this.blocked.get(key);
    if (until === undefined) return;
    const left = until - Date.now();
    if (left > 0) throw new TooManyFailuresError(Math.max(1, Math.ceil(left / 1000)));
    this.blocked.delete(key);
  }

  /** Counts one failed authentication of the address; one Redis call. */
  async recordFailure(address: string | undefined): Promise<void> {
    const key = clientKey(address);
    const [count, ttl] = await this.run(key);
    if (count >= this.config.authFailureLimit && ttl > 0) this.block(key, Date.now() + ttl);
  }

  private block(key: string, until: number): void {
    if (this.blocked.size >= MAX_BLOCKED) {
      const now = Date.now();
      for (const [k, u] of this.blocked) if (u <= now) this.blocked.delete(k);
      if (this.blocked.size >= MAX_BLOCKED) this.blocked.delete(this.blocked.keys().next().value as string);
    }
    this.blocked.set(key, until);
  }

  /**
   * `attempt` under the limiter: refused beforehand when the address used up its failures, and
   * counted when it fails with an error `isFailure` recognises (a wrong credential, not an outage).
   */
  async guard<T>(address: string | undefined, attempt: () => Promise<T>, isFailure: (err: unknown) => boolean): Promise<T> {
    this.assertAllowed(address);
    try {
      return await attempt();
    } catch (err) {
      if (isFailure(err)) await this.recordFailure(address);
      throw err;
    }
  }

  private async run(key: string): Promise<[number, number]> {
    try {
      const out = (await this.redis.eval(AUTH_FAILURES_SCRIPT, 1, `${this.config.redisPrefix}:authfail:${key}`, String(AUTH_FAILURE_WINDOW_MS))) as [number, number];
      return [Number(out[0]), Number(out[1])];
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'auth failure limiter unavailable; admitting');
      return [0, 0];
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
  return groups.slice(0, 4).map((g) => parseInt(g || '0', 16).toString(16)).join(':') + '::/64';
}
