import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tollgate/clock';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { accountKey, accountStateKey } from '@tollgate/credentials';
import { SCRIPT_CLOCK_LUA } from './admission.lua';
import { REDIS, type RedisClient } from '@tollgate/persistence';

/**
 * Lifts every lockout of an account at once, the account-wide one and every token's, and waives each hard quota for the
 * rest of its current period (`qu:<api>` = "day:<day> month:<month>"). The day and month come from
 * the same clock as the admission script (Redis TIME plus the offset). KEYS: account state hash,
 * token lockouts. ARGV: clock offset ms. Returns how many lockouts were in force.
 */
const UNLOCK_LUA = `
${SCRIPT_CLOCK_LUA}
local now = clockNow()
local y, m, d = civil(math.floor(now / 86400000))
local day = string.format('%04d-%02d-%02d', y, m, d)
local lifted = (tonumber(redis.call('HGET', KEYS[1], 'lock') or '0') > now and 1 or 0) + redis.call('ZCOUNT', KEYS[2], '(' .. now, '+inf')
redis.call('HDEL', KEYS[1], 'lock')
redis.call('DEL', KEYS[2])
for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
  if string.sub(field, 1, 2) == 'q:' then
    redis.call('HSET', KEYS[1], 'qu:' .. string.sub(field, 3), 'day:' .. day .. ' month:' .. string.sub(day, 1, 7))
  end
end
return lifted
`;

/** Tokens' own lockouts (scope `token`): token id → lockout end. */
export function tokenLockoutsKey(prefix: string, accountId: string): string {
  return accountKey(prefix, accountId, 'tlocks');
}

@Injectable()
export class LockoutsService {
  private readonly logger = new Logger(LockoutsService.name);

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
    private readonly clock: Clock,
  ) {}

  async unlock(accountId: string): Promise<number> {
    const p = this.config.redisPrefix;
    const removed = Number(await this.redis.eval(UNLOCK_LUA, 2, accountStateKey(p, accountId), tokenLockoutsKey(p, accountId), this.clock.offsetMs));
    this.logger.log({ accountId, removed }, 'lockouts lifted');
    return removed;
  }
}
