import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TerminusModule } from '@nestjs/terminus';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { REDIS } from './redis.constants';
import { createRedis, type RedisClient, redisReady } from './redis.factory';
import { HealthIndicators } from './health.indicators';
import { HealthController } from './health.controller';

/**
 * Owns the process's connections: mongoose (through `@nestjs/mongoose`, so domain libs register
 * their schemas with `MongooseModule.forFeature`) and one ioredis client for commands and scripts.
 * BullMQ gets its own connections from the queue lib.
 */
@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  static forRoot(): DynamicModule {
    return {
      module: PersistenceModule,
      controllers: [HealthController],
      imports: [
        TerminusModule,
        MongooseModule.forRootAsync({
          inject: [TOLLGATE_CONFIG],
          useFactory: (config: TollgateConfig) => ({
            uri: config.mongoUrl,
            serverSelectionTimeoutMS: 5000,
            // Indexes are created by each repository's onModuleInit (awaited), not in the background,
            // so a unique index exists before the first write relies on it.
            autoIndex: false,
            retryAttempts: 3,
            retryDelay: 500,
          }),
        }),
      ],
      providers: [
        {
          provide: REDIS,
          inject: [TOLLGATE_CONFIG],
          useFactory: async (config: TollgateConfig) => {
            const client = createRedis(config.redisUrl, 'commands', {}, config.redisCluster);
            // Best effort: start-up already waited for Redis; if it went away since, the request
            // path's outage policy handles it and the client reconnects by itself.
            await redisReady(client, config.startupTimeoutMs).catch(() => undefined);
            return client;
          },
        },
        HealthIndicators,
      ],
      exports: [REDIS, HealthIndicators, TerminusModule],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
