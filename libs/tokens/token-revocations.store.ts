import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { REDIS } from '@tollgate/persistence';
import { tokenStateKey } from './token-keys';

/**
 * Marks a token revoked in Redis, where the admission script checks it on every request: this is
 * what makes a revocation effective on every API instance before the revoke call returns. The mark
 * lives until the token would have expired anyway.
 */
@Injectable()
export class TokenRevocationsStore {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
  ) {}

  async markRevoked(accountId: string, tokenId: string, expiresAt: Date): Promise<void> {
    const key = tokenStateKey(this.config.redisPrefix, accountId, tokenId);
    await this.redis.eval(
      "redis.call('HSET', KEYS[1], 'revoked', '1'); redis.call('PEXPIREAT', KEYS[1], ARGV[1]); return 1",
      1,
      key,
      String(expiresAt.getTime() + 60_000),
    );
  }
}
