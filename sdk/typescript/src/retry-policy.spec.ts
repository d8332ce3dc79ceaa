import { describe, expect, it } from 'vitest';
import { retryDelayMs, sendWithRetries } from './retry-policy';
import { retryAfterSeconds } from './tollgate-error';

const answer = (status: number, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : '{}', { status, headers });

describe('retry policy', () => {
  it('retries 429 for every method, after Retry-After', () => {
    expect(retryDelayMs('POST', answer(429, { 'retry-after': '3' }), 0)).toBe(3000);
    expect(retryDelayMs('GET', answer(429, { 'retry-after': '0' }), 0)).toBe(0);
  });

  it('retries 503 for idempotent methods, and for POST/PATCH only when the API says it was not applied', () => {
    expect(retryDelayMs('GET', answer(503, { 'retry-after': '1' }), 0)).toBe(1000);
    expect(retryDelayMs('PUT', answer(503, { 'retry-after': '2' }), 0)).toBe(2000);
    expect(retryDelayMs('POST', answer(503, { 'retry-after': '1' }), 0)).toBeUndefined();
    expect(
      retryDelayMs('PATCH', answer(503, { 'retry-after': '1', 'tollgate-request-applied': 'true' }), 0),
    ).toBeUndefined();
    expect(retryDelayMs('POST', answer(503, { 'retry-after': '1', 'tollgate-request-applied': 'false' }), 0)).toBe(
      1000,
    );
  });

  it('never retries other answers', () => {
    for (const status of [200, 400, 401, 404, 409, 500, 502])
      expect(retryDelayMs('GET', answer(status), 0)).toBeUndefined();
  });

  it('backs off exponentially without Retry-After, and reads HTTP dates', () => {
    expect([0, 1, 2, 5].map((a) => retryDelayMs('GET', answer(503), a))).toEqual([500, 1000, 2000, 8000]);
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10);
    expect(retryAfterSeconds('soon')).toBeUndefined();
  });

  it('stops when the next wait would exceed the maximum and returns the last answer', async () => {
    const waits: number[] = [];
    let sent = 0;
    const last = await sendWithRetries(
      new Request('http://api.test/x', { method: 'POST', body: 'a=1' }),
      async (r) => (sent++, expect(await r.text()).toBe('a=1'), answer(429, { 'retry-after': '4' })),
      {
        maxWaitMs: 10_000,
        maxAttempts: 10,
        sleep: async (ms) => void waits.push(ms),
      },
    );
    // 4 s + 4 s fit in 10 s; a third wait would make 12 s.
    expect(waits).toEqual([4000, 4000]);
    expect(sent).toBe(3);
    expect(last.status).toBe(429);
  });

  it('returns a refusal beyond the maximum at once, without waiting', async () => {
    const waits: number[] = [];
    const last = await sendWithRetries(
      new Request('http://api.test/x'),
      async () => answer(429, { 'retry-after': '300' }),
      { maxWaitMs: 30_000, maxAttempts: 6, sleep: async (ms) => void waits.push(ms) },
    );
    expect(waits).toEqual([]);
    expect(last.headers.get('retry-after')).toBe('300');
  });
});
