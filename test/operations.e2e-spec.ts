import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropStack, startApi, type RunningApi } from './support/apps';
import { bearer, createAccount, http, issueToken, operator } from './support/client';
import { testConfig } from './support/test-config';

const config = testConfig();
let api: RunningApi;

beforeAll(async () => {
  api = await startApi(config);
});
afterAll(async () => {
  await api?.close();
  await dropStack(config);
});

const sample = (text: string, name: string, labels: Record<string, string>) => {
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.split(' ').pop()) : 0;
};

describe('metrics', () => {
  it('are behind the operator key and increase with traffic, with bounded labels', async () => {
    expect((await http(`${api.url}/metrics`)).status).toBe(401);
    const scrape = async () =>
      (await http(`${api.url}/metrics`, { headers: { authorization: `Bearer ${config.operatorKey}` } })).text;
    const acct = await createAccount(api.url, config, { name: 'metered', throttle: { limit: 2, periodSeconds: 60 } });
    const token = await issueToken(api.url, acct);
    const before = await scrape();
    for (let i = 0; i < 3; i++) await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(token) });
    await http(`${api.url}/api/v1/admin/limits`, { headers: bearer('tgt_' + 'x'.repeat(43)) });
    await issueToken(api.url, acct).catch(() => undefined);
    const after = await scrape();
    const route = { method: 'GET', route: '/api/v1/admin/limits', status: '200' };
    expect(
      sample(after, 'tollgate_http_requests_total', route) - sample(before, 'tollgate_http_requests_total', route),
    ).toBe(2);
    expect(sample(after, 'tollgate_refusals_total', { status: '429', reason: 'throttled' })).toBe(1);
    expect(sample(after, 'tollgate_refusals_total', { status: '401', reason: 'invalid_token' })).toBeGreaterThanOrEqual(
      1,
    );
    expect(sample(after, 'tollgate_lockouts_total', { scope: 'account' })).toBe(1);
    expect(sample(after, 'tollgate_tokens_issued_total', { via: 'oauth' })).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/^tollgate_queue_jobs\{queue="usage",state="waiting"\} \d+$/m);
    expect(after).toMatch(/^tollgate_usage_relay_accounts \d+$/m);
    expect(after).toMatch(/^tollgate_pending_token_records \d+$/m);
    expect(after).not.toContain(token);
    expect(after).not.toContain(acct.accountId);
  });
});

describe('queue dashboard', () => {
  it('refuses requests without the operator key and serves operators', async () => {
    const anonymous = await http(`${api.url}/operator/queues`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(
      (await http(`${api.url}/operator/queues/api/queues`, { headers: { 'x-operator-key': 'wrong' } })).status,
    ).toBe(401);
    const page = await http(`${api.url}/operator/queues`, {
      headers: { authorization: `Basic ${Buffer.from(`ops:${config.operatorKey}`).toString('base64')}` },
    });
    expect(page.status).toBe(200);
    const queues = await http(`${api.url}/operator/queues/api/queues`, { headers: operator(config) });
    expect(queues.status).toBe(200);
    expect(queues.text).toContain('"usage"');
  });
});

describe('request logs', () => {
  it('write one JSON line per request with route, status, duration, account, token and request id', async () => {
    const acct = await createAccount(api.url, config, { name: 'logged' });
    const token = await issueToken(api.url, acct);
    await http(`${api.url}/api/v1/admin/limits`, { headers: { ...bearer(token), 'x-request-id': 'trace-me-123' } });
    const line = api.logs.lines.map((l) => JSON.parse(l)).find((l) => l.requestId === 'trace-me-123');
    expect(line).toMatchObject({
      msg: 'request completed',
      method: 'GET',
      url: '/api/v1/admin/limits',
      status: 200,
      accountId: acct.accountId,
      route: '/api/v1/admin/limits',
    });
    expect(line.tokenId).toMatch(/^tok_/);
    expect(typeof line.responseTime).toBe('number');
    expect(JSON.stringify(line)).not.toContain(token);
  });
});
