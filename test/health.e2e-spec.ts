import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropStack, freePort, spawnApp, startApi, type RunningApi } from './support/apps';
import { http } from './support/client';
import { processEnv, testConfig } from './support/test-config';

const config = testConfig();
let api: RunningApi;

beforeAll(async () => {
  api = await startApi(config);
});
afterAll(async () => {
  await api?.close();
  await dropStack(config);
});

describe('health', () => {
  it('is live and ready when Mongo and Redis answer', async () => {
    expect((await http(`${api.url}/health/live`)).body).toEqual({ status: 'ok' });
    const ready = await http(`${api.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.body.info).toMatchObject({ mongo: { status: 'up' }, redis: { status: 'up' } });
  });

  it('echoes a sane X-Request-Id and mints one otherwise', async () => {
    const given = await http(`${api.url}/health/live`, { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const minted = await http(`${api.url}/health/live`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(minted.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a malformed URL with a JSON 400 that does not echo it (its query may hold a secret)', async () => {
    const res = await http(`${api.url}/Auth/login/v1/token%ZZ?clientId=x&clientSecret=LEAKME5678`, { method: 'POST' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'bad_request' });
    expect(res.text).not.toContain('LEAKME');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers unknown routes with a JSON 404, no stack trace', async () => {
    const res = await http(`${api.url}/nope`);
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('not_found');
    expect(res.text).not.toMatch(/at .*\.js/);
  });
});

describe('process lifecycle', () => {
  it('starts from dist, serves /health/ready and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const child = await spawnApp('api', processEnv(config), port);
    expect((await http(`${child.url}/health/ready`)).status).toBe(200);
    const code = await child.kill('SIGTERM');
    expect(code).toBe(0);
  });

  it('the worker starts from dist and exits 0 on SIGTERM', async () => {
    const child = await spawnApp('worker', processEnv(config));
    expect(await child.kill('SIGTERM')).toBe(0);
  });

  it('a worker with WORKER_PORT serves health and metrics on it, so several run side by side', async () => {
    const [p1, p2] = [await freePort(), await freePort()];
    const [w1, w2] = await Promise.all([
      spawnApp('worker', processEnv(config, { WORKER_PORT: String(p1) })),
      spawnApp('worker', processEnv(config, { WORKER_PORT: String(p2) })),
    ]);
    try {
      for (const port of [p1, p2]) {
        expect((await http(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);
        expect((await http(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
        const metrics = await http(`http://127.0.0.1:${port}/metrics`, {
          headers: { 'x-operator-key': config.operatorKey },
        });
        expect(metrics.text).toMatch(/^tollgate_usage_snapshots_applied_total \d+$/m);
      }
    } finally {
      expect(await w1.kill('SIGTERM')).toBe(0);
      expect(await w2.kill('SIGTERM')).toBe(0);
    }
  });

  it('stops with one line naming a bad variable', async () => {
    const { spawnSync } = await import('node:child_process');
    const res = spawnSync(process.execPath, ['dist/apps/api/main.js'], {
      env: { ...processEnv(config), PORT: 'abc', THROTTLE_REDIS_FAILURE: 'maybe' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(res.status).toBe(1);
    const lines = res.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/PORT must be an integer/);
    expect(lines[0]).toMatch(/THROTTLE_REDIS_FAILURE must be one of/);
  });

  it('gives up on an unreachable Redis after the bounded wait, naming it without its password', async () => {
    const { spawnSync } = await import('node:child_process');
    const port = await freePort();
    const res = spawnSync(process.execPath, ['dist/apps/api/main.js'], {
      env: { ...processEnv(config), REDIS_URL: `redis://user:hunter2@127.0.0.1:${port}`, STARTUP_TIMEOUT_MS: '1500' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/cannot reach redis at redis:\/\/user:\*\*\*@127\.0\.0\.1/);
    expect(res.stderr).not.toContain('hunter2');
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
  });
});
