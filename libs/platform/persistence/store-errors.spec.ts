import { describe, expect, it } from 'vitest';
import { isStoreUnavailable } from './store-errors';

describe('isStoreUnavailable', () => {
  it('recognises outages by driver error name, through causes', () => {
    expect(isStoreUnavailable(Object.assign(new Error('x'), { name: 'MongoServerSelectionError' }))).toBe(true);
    expect(
      isStoreUnavailable(new Error('wrapped', { cause: Object.assign(new Error('y'), { name: 'MongoNetworkError' }) })),
    ).toBe(true);
  });

  it("recognises the local store's watchdog (code 50) as the store being away", () => {
    expect(
      isStoreUnavailable(Object.assign(new Error('the store did not answer'), { name: 'MongoServerError', code: 50 })),
    ).toBe(true);
  });

  it('recognises a socket error the driver passes on unwrapped when the store dies mid-command', () => {
    expect(
      isStoreUnavailable(Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' })),
    ).toBe(true);
    expect(isStoreUnavailable(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
  });

  it('recognises a bulk insert that failed as a whole because the connection did (seen when the store was killed)', () => {
    const bulk = (message: string, extra: Record<string, unknown> = {}) =>
      Object.assign(new Error(message), { name: 'MongoBulkWriteError', writeErrors: [], ...extra });
    expect(
      isStoreUnavailable(
        bulk('connect ECONNREFUSED 127.0.0.1:33353', {
          errorLabelSet: new Set(['SystemOverloadedError', 'RetryableError']),
        }),
      ),
    ).toBe(true);
    expect(
      isStoreUnavailable(bulk('x', { errorResponse: Object.assign(new Error('y'), { name: 'MongoNetworkError' }) })),
    ).toBe(true);
    // A bulk that failed on its items (a duplicate) is not an outage.
    expect(isStoreUnavailable(bulk('E11000 duplicate key error', { writeErrors: [{ code: 11000, index: 0 }] }))).toBe(
      false,
    );
  });

  it('leaves bad queries and bugs alone', () => {
    expect(isStoreUnavailable(Object.assign(new Error('dup'), { name: 'MongoServerError', code: 11000 }))).toBe(false);
    expect(isStoreUnavailable(new TypeError('bug'))).toBe(false);
    expect(isStoreUnavailable(undefined)).toBe(false);
  });
});
