import { Inject, Injectable } from '@nestjs/common';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { REDIS, type RedisClient } from '@tollgate/persistence';
import { accountStateKey } from '@tollgate/credentials';
import { activeTokensKey, tokenStateKey } from './token-keys';

/**
 * Marks a token revoked in Redis, where the admission script checks it on every request: this is
 * what makes a revocation effective on every API instance before the revoke call returns. The mark
 * lives until the token would have expired anyway.
 */
@Injectable()
export class TokenRevocationsStore {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
  ) {}

  async markRevoked(accountId: string, tokenId: string, expiresAt: Date): Promise<void> {
    await this.redis.eval(
      "redis.call('HSET', KEYS[1], 'revoked', '1'); redis.call('PEXPIREAT', KEYS[1], ARGV[1]); redis.call('ZREM', KEYS[2], ARGV[2]); return 1",
      2,
      tokenStateKey(this.config.redisPrefix, accountId, tokenId),
      activeTokensKey(this.config.redisPrefix, accountId),
      String(expiresAt.getTime() + 60_000),
      tokenId,
    );
  }

  /**
   * Reserves a live-token slot atomically, so `maxActiveTokens` holds exactly however many instances
   * issue at once. Expired members are dropped first. `known` (the live tokens in Mongo) seeds the
   * set when Redis has none, e.g. after a Redis restart without persistence.
   */
  async reserveSlot(
    accountId: string,
    generation: number,
    tokenId: string,
    expiresAt: number,
    max: number,
    now: number,
    known: { id: string; expiresAt: number }[],
  ): Promise<'reserved' | 'full' | 'stale-generation'> {
    const seed = known.flatMap((k) => [String(k.expiresAt), k.id]);
    // A revoke-all between reading the account and reserving would otherwise seed the set with the
    // revoked tokens and issue a token of the old generation that the admission script refuses.
    const reserved = await this.redis.eval(
      `if tonumber(redis.call('HGET', KEYS[2], 'gen') or '0') > tonumber(ARGV[5]) then return -1 end
       if redis.call('EXISTS', KEYS[1]) == 0 and #ARGV > 5 then redis.call('ZADD', KEYS[1], 'NX', unpack(ARGV, 6)) end
       redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
       if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
       redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
       redis.call('PEXPIREAT', KEYS[1], redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
       return 1`,
      2,
      activeTokensKey(this.config.redisPrefix, accountId),
      accountStateKey(this.config.redisPrefix, accountId),
      String(now),
      String(max),
      String(expiresAt),
      tokenId,
      String(generation),
      ...seed,
    );
    return Number(reserved) === 1 ? 'reserved' : Number(reserved) === -1 ? 'stale-generation' : 'full';
  }

  /** Whether Redis holds the account's live-token set (if not, the issuer seeds it from Mongo). */
  async hasSlots(accountId: string): Promise<boolean> {
    return (await this.redis.exists(activeTokensKey(this.config.redisPrefix, accountId))) === 1;
  }

  async releaseSlot(accountId: string, tokenId: string): Promise<void> {
    await this.redis.zrem(activeTokensKey(this.config.redisPrefix, accountId), tokenId);
  }

  /** Revoke-all empties the live-token set. */
  async clearSlots(accountId: string): Promise<void> {
    await this.redis.del(activeTokensKey(this.config.redisPrefix, accountId));
  }
}
