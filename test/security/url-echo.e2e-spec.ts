import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerApp } from '../../apps/worker/worker.bootstrap';
import { dropStack, freePort, startApi, type RunningApi } from '../support/apps';
import { LogCapture } from '../support/log-capture';
import { http } from '../support/client';
import { testConfig } from '../support/test-config';

/** Issue 11: nothing echoes a URL (404 bodies), and log lines mask secrets however the URL spells them. */
const config = testConfig();
let api: RunningApi;
const SECRET = 'tgs_Zm9vYmFyLXNlY3JldC12YWx1ZS10aGF0LW11c3Qtbm90LWxlYWs';

beforeAll(async () => {
  api = await startApi(config);
});
afterAll(async () => {
  await api?.close();
  await dropStack(config);
});

describe('404 answers', () => {
  it('are our JSON error and never repeat the path or query', async () => {
    for (const [method, path] of [
      ['POST', `/Auth/login/v1/token.xml?clientSecret=${SECRET}`],
      ['GET', `/no/such/route?clientSecret=${SECRET}`],
      ['DELETE', `/api/v1/nothing-here/path-segment-${SECRET.slice(0, 8)}`],
      ['GET', `/operator/v1/nope?X-Operator-Key=${SECRET}`],
    ] as const) {
      const res = await http(`${api.url}${path}`, { method });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.body).toEqual({
        error: 'not_found',
        message: 'no route matches this method and path',
        requestId: expect.any(String),
      });
      expect(res.text).not.toContain(SECRET.slice(0, 8));
      expect(res.text).not.toContain(path.split('?')[0]);
    }
  });
});

describe("the worker's health port", () => {
  it('answers an unknown route with the same URL-free 404', async () => {
    const port = await freePort();
    const worker = await createWorkerApp(
      { ...config, role: 'worker', workerPort: port },
      { logDestination: new LogCapture() },
    );
    try {
      const res = await http(`http://127.0.0.1:${port}/nope?clientSecret=${SECRET}`);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: 'not_found', message: 'no route matches this method and path' });
      expect(res.text).not.toContain(SECRET);
      expect(res.text).not.toContain('/nope');
    } finally {
      await worker.close();
    }
  });
});

describe('request log lines', () => {
  it('mask secrets after `;`, behind percent-encoded separators and names, and the operator key as a query parameter', async () => {
    const paths = [
      `/Auth/login/v1/token;clientSecret=${SECRET}`,
      `/Auth/login/v1/token%3FclientSecret=${SECRET}`,
      `/Auth/login/v1/token?clientId=x%26clientSecret%3D${SECRET}`,
      `/Auth/login/v1/token?client%53ecret=${SECRET}`,
      `/operator/v1/accounts?X-Operator-Key=${SECRET}`,
      `/operator/v1/accounts?x-operator-key=${SECRET}`,
      `/api/v1/companies?ACCESS_TOKEN=${SECRET}`,
    ];
    for (const path of paths)
      await http(`${api.url}${path}`, { method: 'POST', headers: { 'x-request-id': `redact-${paths.indexOf(path)}` } });
    const lines = api.logs.lines
      .map((l) => JSON.parse(l))
      .filter((l) => String(l.requestId ?? '').startsWith('redact-'));
    expect(lines).toHaveLength(paths.length);
    for (const line of lines) expect(line.url).toContain('[REDACTED]');
    expect(api.logs.text()).not.toContain(SECRET.slice(4, 30));
  });
});
