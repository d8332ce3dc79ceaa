import { Inject, Injectable } from '@nestjs/common';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { REDIS, type RedisClient } from '@tollgate/persistence';
import { accountStateKey } from './account-keys';
import type { QuotaPolicy } from './account.types';

/**
 * The Redis side of an account's access state, read by the admission script on every request:
 * `disabled` and `gen` (token generation). Written here, after Mongo, so that disabling an account or
 * revoking all its tokens takes effect on every API instance before the operator call returns.
 */
@Injectable()
export class AccountStateStore {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
  ) {}

  async setDisabled(accountId: string, disabled: boolean): Promise<void> {
    const key = accountStateKey(this.config.redisPrefix, accountId);
    if (disabled) await this.redis.hset(key, 'disabled', '1');
    else await this.redis.hdel(key, 'disabled');
  }

  /**
   * Publishes the account's quotas where the admission script reads them (`q:<api>` fields, one
   * compact spec per API), replacing the previous set: a quota change takes effect on the next request.
   */
  async setQuotas(accountId: string, quotas: QuotaPolicy[]): Promise<void> {
    const byApi = new Map<string, string[]>();
    for (const q of quotas) byApi.set(q.api, [...(byApi.get(q.api) ?? []), `${q.period},${q.limit},${q.enforce},${q.warnAt.join('|')}`]);
    const fields: string[] = [];
    for (const [api, specs] of byApi) fields.push(`q:${api}`, specs.join(';'));
    await this.redis.eval(
      "for _, f in ipairs(redis.call('HKEYS', KEYS[1])) do if string.sub(f, 1, 2) == 'q:' then redis.call('HDEL', KEYS[1], f) end end; if #ARGV > 0 then redis.call('HSET', KEYS[1], unpack(ARGV)) end; return 1",
      1,
      accountStateKey(this.config.redisPrefix, accountId),
      ...fields,
    );
  }

  /** Raises the generation below which tokens are refused; never lowers it. */
  async raiseGeneration(accountId: string, generation: number): Promise<void> {
    const key = accountStateKey(this.config.redisPrefix, accountId);
    await this.redis.eval(
      "local g = tonumber(redis.call('HGET', KEYS[1], 'gen') or '0'); if tonumber(ARGV[1]) > g then redis.call('HSET', KEYS[1], 'gen', ARGV[1]) end; return 1",
      1,
      key,
      String(generation),
    );
  }
}
