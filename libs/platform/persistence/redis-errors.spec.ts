import { describe, expect, it } from 'vitest';
import { isRedisUnavailable } from './redis-errors';

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
