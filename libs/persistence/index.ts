export { REDIS } from './redis.constants';
export { createRedis, queueConnectionOptions, redisReady, type RedisPurpose } from './redis.factory';
export { DependencyUnavailableError, waitForDependencies } from './dependency-wait';
export { PersistenceModule } from './persistence.module';
export { HealthIndicators } from './health.indicators';
