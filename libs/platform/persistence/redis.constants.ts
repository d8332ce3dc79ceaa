/** Injection token of the shared ioredis client used for commands and scripts (not for BullMQ). */
export const REDIS = Symbol('REDIS');
