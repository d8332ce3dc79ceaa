import { describe, expect, it } from 'vitest';
import { isRedisUnavailable, isUnsentCommand } from './redis-errors';

describe('isRedisUnavailable', () => {
  it('recognises the errors ioredis raises while Redis is away, and nothing else', () => {
    expect(isRedisUnavailable(new Error('Connection is closed.'))).toBe(true);
    expect(isRedisUnavailable(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe(true);
    expect(isRedisUnavailable(new Error('Command timed out'))).toBe(true);
    expect(isRedisUnavailable(Object.assign(new Error('x'), { name: 'MaxRetriesPerRequestError' }))).toBe(true);
    expect(isRedisUnavailable(new Error('ERR Error running script (call to f_abc): @user_script:1: bad'))).toBe(false);
    expect(isRedisUnavailable(new TypeError('cannot read properties of undefined'))).toBe(false);
    expect(isRedisUnavailable(undefined)).toBe(false);
  });
});

describe('isUnsentCommand', () => {
  it('is true only for refusals ioredis gives before sending, never for a timeout or a closed connection', () => {
    expect(isUnsentCommand(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe(true);
    expect(isUnsentCommand(new Error("Cluster isn't ready and enableOfflineQueue options is false"))).toBe(true);
    expect(isUnsentCommand(new Error('Command timed out'))).toBe(false);
    expect(isUnsentCommand(new Error('Connection is closed.'))).toBe(false);
    expect(isUnsentCommand(undefined)).toBe(false);
  });
});
