import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PassportModule } from '@nestjs/passport';
import type { TollgateConfig } from '@tollgate/config';
import { BASELINE_CONNECTION, BaselineBearerStrategy } from './baseline-bearer.strategy';
import { BaselineToken, BaselineTokenSchema } from './baseline-token.schema';
import { BaselineController } from './baseline.controller';
import { BENCH_LIMIT } from './limits-body';
import { ThrottlerModule } from './nest-throttler';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/**
 * What a typical Nest developer writes for "authenticated, rate-limited API": passport-http-bearer
 * with a Mongo lookup per request, then `@nestjs/throttler` with a Redis storage so that several
 * instances share the counts. Two round trips per request (Mongo, then Redis), one after the other.
 * Mounted in the real API app, so that everything but the guards is the product's.
 */
@Module({})
export class BaselineModule {
  static forRoot(config: TollgateConfig): DynamicModule {
    return {
      module: BaselineModule,
      imports: [
        MongooseModule.forRoot(config.mongoUrl, { connectionName: BASELINE_CONNECTION }),
        MongooseModule.forFeature([{ name: BaselineToken.name, schema: BaselineTokenSchema }], BASELINE_CONNECTION),
        PassportModule,
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: 60_000, limit: BENCH_LIMIT }],
          // Our key prefix, so the bench's clean-up finds these keys too.
          storage: new RedisThrottlerStorage(config.redisUrl, { keyPrefix: `${config.redisPrefix}:baseline:` }),
        }),
      ],
      controllers: [BaselineController],
      providers: [BaselineBearerStrategy],
    };
  }
}
