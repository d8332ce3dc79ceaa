export { REDIS } from './redis.constants';
export {
  createRedis,
  queueClusterConnection,
  queueConnectionOptions,
  reconnectNow,
  redisReady,
  type RedisClient,
  type RedisPurpose,
  scriptCommand,
  type ScriptCommand,
} from './redis.factory';
export { DependencyUnavailableError, waitForDependencies } from './dependency-wait';
export { PersistenceModule } from './persistence.module';
export { HealthIndicators } from './health.indicators';
export { isStoreUnavailable } from './store-errors';
export { ChangeFeed, type ChangeListener } from './change-feed';
export { FeedCache } from './feed-cache';
export { isRedisUnavailable, isUnsentCommand } from './redis-errors';
export { bulkItemErrors, type BulkItemError, DUPLICATE_KEY, isDuplicateKey } from './bulk-write-errors';
export {
  checkPage,
  DEFAULT_PAGE_SIZE,
  type ListQuery,
  MAX_PAGE_SIZE,
  MongoRepository,
  type Page,
  type PageRequest,
  type RecordKind,
  stableSort,
  TenantMongoRepository,
  toObjectId,
} from './mongo-repository';
export { SOCKET_ERRORS } from './socket-errors';
export { SharedReads } from './shared-reads';
