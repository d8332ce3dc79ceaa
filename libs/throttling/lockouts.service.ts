import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { accountStateKey } from '@tollgate/credentials';
import { REDIS } from '@tollgate/persistence';

/** Lifts every lockout of an account at once: the account-wide one and each token's (`tl:<id>`). */
const UNLOCK_LUA = `
local removed = 0
for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
  if field == 'lock' or string.sub(field, 1, 3) == 'tl:' or string.sub(field, 1, 3) == 'qu:' then
    removed = removed + redis.call('HDEL', KEYS[1], field)
  end
end
return removed
`;

@Injectable()
export class LockoutsService {
  private readonly logger = new Logger(LockoutsService.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
  ) {}

  async unlock(accountId: string): Promise<number> {
    const removed = Number(await this.redis.eval(UNLOCK_LUA, 1, accountStateKey(this.config.redisPrefix, accountId)));
    this.logger.log({ accountId, removed }, 'lockouts lifted');
    return removed;
  }
}
