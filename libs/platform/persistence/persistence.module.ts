import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TerminusModule } from '@nestjs/terminus';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { REDIS } from './redis.constants';
import { createRedis, type RedisClient, redisReady } from './redis.factory';
import { HealthIndicators } from './health.indicators';
import { ChangeFeed } from './change-feed';

/** How long a store call waits for a reachable server before it fails (and the API answers 503). */
const STORE_SELECTION_TIMEOUT_MS = 2000;

/**
 * Owns the process's connections: mongoose (through `@nestjs/mongoose`, so domain libs register
 * their schemas with `MongooseModule.forFeature`) and one ioredis client for commands and scripts,
 * plus the change feed that keeps in-process copies of store data exact across processes.
 * BullMQ gets its own connections from the queue lib.
 */
@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  static forRoot(): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TerminusModule,
        MongooseModule.forRootAsync({
          inject: [TOLLGATE_CONFIG],
          useFactory: (config: TollgateConfig) => ({
            uri: config.mongoUrl,
            // While the store is away a request fails within about two seconds (503 with Retry-After,
            // see the exception filter) instead of queueing in mongoose's buffer or waiting 30 s for
            // a server; the driver reconnects by itself when the store is back.
            bufferCommands: false,
            // (connectTimeoutMS stays at its default: it also bounds the driver's heartbeat, and a
            // heartbeat queued behind a long legitimate command must not declare the server dead.)
            serverSelectionTimeoutMS: STORE_SELECTION_TIMEOUT_MS,
            // A command the store never answers (a stuck server) must not hold a request forever;
            // generous enough for our own longest commands (seed batches, chunked bulk writes).
            socketTimeoutMS: 30_000,
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
        ChangeFeed,
      ],
      exports: [REDIS, HealthIndicators, TerminusModule, ChangeFeed],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
