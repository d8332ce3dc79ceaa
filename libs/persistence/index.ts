export { REDIS } from './redis.constants';
export { createRedis, queueClusterConnection, queueConnectionOptions, reconnectNow, redisReady, type RedisClient, type RedisPurpose } from './redis.factory';
export { DependencyUnavailableError, waitForDependencies } from './dependency-wait';
export { PersistenceModule } from './persistence.module';
export { HealthIndicators } from './health.indicators';
export { isStoreUnavailable } from './store-errors';
export { GroupCommit } from './group-commit';
export { ChangeFeed, type ChangeListener } from './change-feed';
export { FeedCache } from './feed-cache';
