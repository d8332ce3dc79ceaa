import { OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage, ThrottlerStorageRecord } from './nest-throttler';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * A Redis storage for `@nestjs/throttler`: a faithful copy of `@nest-lab/throttler-storage-redis`
 * 1.2.0 (`ThrottlerStorageRedisService`), the storage Nest developers usually install. We copy it
 * instead of installing it because its peer range stops at Nest 11, so `npm install` refuses it in
 * this Nest 12 repo without `--legacy-peer-deps`. Same Lua script and same call: one EVAL that
 * sends the script text on every request (the package does not use EVALSHA).
 */
const SCRIPT = `
local hitKey = KEYS[1]
local blockKey = KEYS[2]
local throttlerName = ARGV[1]
local ttl = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local blockDuration = tonumber(ARGV[4])

local totalHits = redis.call('INCR', hitKey)
local timeToExpire = redis.call('PTTL', hitKey)

if timeToExpire <= 0 then
  redis.call('PEXPIRE', hitKey, ttl)
  timeToExpire = ttl
end

local isBlocked = redis.call('GET', blockKey)
local timeToBlockExpire = 0

if isBlocked then
  timeToBlockExpire = redis.call('PTTL', blockKey)
elseif totalHits > limit then
  redis.call('SET', blockKey, 1, 'PX', blockDuration)
  isBlocked = '1'
  timeToBlockExpire = blockDuration
end

if isBlocked and timeToBlockExpire <= 0 then
  redis.call('DEL', blockKey)
  redis.call('SET', hitKey, 1, 'PX', ttl)
  totalHits = 1
  timeToExpire = ttl
  isBlocked = false
end

return { totalHits, timeToExpire, isBlocked and 1 or 0, timeToBlockExpire }
`
  .replace(/^\s+/gm, '')
  .trim();

export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly redis: Redis;

  constructor(url: string, options: RedisOptions = {}) {
    this.redis = new Redis(url, options);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const hitKey = `{${key}:${throttlerName}}:hits`;
    const blockKey = `{${key}:${throttlerName}}:blocked`;
    const [totalHits, timeToExpire, isBlocked, timeToBlockExpire] = (await this.redis.call('eval', [
      SCRIPT,
      2,
      hitKey,
      blockKey,
      throttlerName,
      ttl,
      limit,
      blockDuration,
    ])) as number[];
    return {
      totalHits,
      timeToExpire: Math.ceil(timeToExpire / 1000),
      isBlocked: isBlocked === 1,
      timeToBlockExpire: Math.ceil(timeToBlockExpire / 1000),
    };
  }

  onModuleDestroy(): void {
    this.redis.disconnect(false);
  }
}
