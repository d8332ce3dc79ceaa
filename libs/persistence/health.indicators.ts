import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, MongooseHealthIndicator } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { REDIS } from './redis.constants';

/** Readiness checks for the two stores; each result is named so a 503 says which one is down. */
@Injectable()
export class HealthIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly mongoose: MongooseHealthIndicator,
    @Inject(REDIS) private readonly redis: Redis,
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
