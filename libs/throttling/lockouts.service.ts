import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tollgate/clock';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { accountStateKey } from '@tollgate/credentials';
import { REDIS, type RedisClient } from '@tollgate/persistence';

/**
 * Lifts every lockout of an account at once: the account-wide one and each token's (`tl:<id>`),
 * and waives each hard quota for the rest of its current period (`qu:<api>` = "day:<day> month:<month>").
 * ARGV: current day and month keys.
 */
const UNLOCK_LUA = `
local removed = 0
for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
  if field == 'lock' or string.sub(field, 1, 3) == 'tl:' then
    removed = removed + redis.call('HDEL', KEYS[1], field)
  elseif string.sub(field, 1, 2) == 'q:' then
    redis.call('HSET', KEYS[1], 'qu:' .. string.sub(field, 3), 'day:' .. ARGV[1] .. ' month:' .. ARGV[2])
  end
end
return removed
`;

@Injectable()
export class LockoutsService {
  private readonly logger = new Logger(LockoutsService.name);

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
    private readonly clock: Clock,
  ) {}

  async unlock(accountId: string): Promise<number> {
    const today = new Date(this.clock.now()).toISOString();
    const removed = Number(await this.redis.eval(UNLOCK_LUA, 1, accountStateKey(this.config.redisPrefix, accountId), today.slice(0, 10), today.slice(0, 7)));
    this.logger.log({ accountId, removed }, 'lockouts lifted');
    return removed;
  }
}
