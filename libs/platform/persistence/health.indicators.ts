import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, MongooseHealthIndicator } from '@nestjs/terminus';
import { REDIS } from './redis.constants';
import type { RedisClient } from './redis.factory';

/** Readiness checks for the two stores; each result is named so a 503 says which one is down. */
@Injectable()
export class HealthIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly mongoose: MongooseHealthIndicator,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  mongo() {
    return this.mongoose.pingCheck('mongo').withTimeout(1500);
  }

  redisPing() {
    return this.indicators
      .check('redis')
      .attempt(async () => {
        await this.redis.ping();
      })
      .withTimeout(1500);
  }
}
