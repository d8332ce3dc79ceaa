import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '@tollgate/alerts';
import {
  dropStack,
  startApi,
  startWorker,
  waitForUsageDrained,
  type RunningApi,
  type RunningWorker,
} from './support/apps';
import { bearer, createAccount, http, issueToken, operator } from './support/client';
import { testProducts } from './support/products';
import { testConfig } from './support/test-config';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '@tollgate/queue';

const config = testConfig('api', { ALLOW_PRIVATE_WEBHOOKS: 'true', WEBHOOK_BACKOFF_MS: '100' });
let api: RunningApi;
let workers: RunningWorker[];
let queue: Queue;
const call = (path: string, token: string) => http(`${api.url}/api/v1/${path}`, { headers: bearer(token) });
const alertsOf = async (token: string, q = '') =>
  (await http(`${api.url}/api/v1/admin/alerts?${q}`, { headers: bearer(token) })).body;

beforeAll(async () => {
  api = await startApi(config, testProducts);
  queue = api.app.get<Queue>(getQueueToken(QueueName.Usage));
  // Two workers throughout: every "exactly once" below holds with concurrent consumers.
  workers = [await startWorker(config), await startWorker(config)];
});
afterAll(async () => {
  await Promise.all(workers?.map((w) => w.close()) ?? []);
  await api?.close();
  await dropStack(config);
});

describe('quota definitions', () => {
  it('refuses bad quotas with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ api: 'alpha', period: 'month', limit: -5 }, 'quotas.0.limit'],
      [{ api: 'alpha', period: 'week', limit: 5 }, 'quotas.0.period'],
      [{ api: 'alpha', period: 'day', limit: 5, warnAt: [1.5] }, 'quotas.0.warnAt'],
      [{ api: 'Alpha!', period: 'day', limit: 5 }, 'quotas.0.api'],
      [{ api: 'alpha', period: 'day', limit: 5, enforce: 'soft' }, 'quotas.0.enforce'],
    ];
    for (const [quota, field] of cases) {
      const res = await http(`${api.url}/operator/v1/accounts`, {
        method: 'POST',
        headers: operator(config),
        json: { name: 'bad-quota', quotas: [quota] },
      });
      expect(res.status, field).toBe(400);
      expect(
        res.body.fields.map((f: { field: string }) => f.field),
        field,
      ).toContain(field);
    }
  });
});

describe('hard quotas', () => {
  it('refuse only that API once used up, until the period rolls over, with no overshoot', async () => {
    const acct = await createAccount(api.url, config, {
      name: 'daily-cap',
      tokenTtlSeconds: 3 * 86_400,
      quotas: [{ api: 'alpha', period: 'day', limit: 20 }],
    });
    const [t1, t2] = [await issueToken(api.url, acct), await issueToken(api.url, acct)];
    const burst = await Promise.all([...Array(50)].map((_, i) => call('alpha', i % 2 ? t1 : t2)));
    expect(burst.filter((r) => r.status === 200)).toHaveLength(20);
    const refused = burst.find((r) => r.status === 429)!;
    expect(refused.body).toMatchObject({ error: 'quota_exceeded', api: 'alpha', period: 'day' });
    const resetAt = Date.parse(refused.body.resetAt);
    expect(resetAt % 86_400_000).toBe(0);
    expect(Math.abs(Number(refused.headers.get('retry-after')) - (resetAt - Date.now()) / 1000)).toBeLessThan(5);
    expect((await call('beta', t1)).status).toBe(200);
    api.clock.setOffset(resetAt - Date.now() + 1000);
    try {
      expect((await call('alpha', t1)).status).toBe(200);
    } finally {
      api.clock.setOffset(0);
    }
    await waitForUsageDrained(config, queue);
    const alerts = await alertsOf(t1, 'type=quota.exceeded');
    expect(alerts.items).toHaveLength(1);
    expect(alerts.items[0]).toMatchObject({ type: 'quota.exceeded', api: 'alpha', limit: 20, count: 20 });
  });

  it('can be lifted for the rest of the period by the operator unlock', async () => {
    const acct = await createAccount(api.url, config, {
      name: 'unlock-quota',
      quotas: [{ api: 'alpha', period: 'month', limit: 2 }],
    });
    const token = await issueToken(api.url, acct);
    await call('alpha', token);
    await call('alpha', token);
    expect((await call('alpha', token)).status).toBe(429);
    await http(`${api.url}/operator/v1/accounts/unlock-quota/unlock`, { method: 'POST', headers: operator(config) });
    expect((await call('alpha', token)).status).toBe(200);
  });

  it('takes a changed quota into account on the next request', async () => {
    const acct = await createAccount(api.url, config, {
      name: 'changing-quota',
      quotas: [{ api: 'alpha', period: 'month', limit: 1 }],
    });
    const token = await issueToken(api.url, acct);
    await call('alpha', token);
    expect((await call('alpha', token)).status).toBe(429);
    await http(`${api.url}/operator/v1/accounts/changing-quota`, {
      method: 'PATCH',
      headers: operator(config),
      json: { quotas: [{ api: 'alpha', period: 'month', limit: 5 }] },
    });
    expect((await call('alpha', token)).status).toBe(200);
  });
});

describe('alert-only quotas and warnings', () => {
  it('lets requests through and records each warning and the crossing exactly once', async () => {
    const acct = await createAccount(api.url, config, {
      name: 'alert-only',
      quotas: [{ api: 'beta', period: 'month', limit: 10, warnAt: [0.5, 0.8], enforce: 'alert' }],
    });
    const tokens = [await issueToken(api.url, acct), await issueToken(api.url, acct)];
    const burst = await Promise.all([...Array(16)].map((_, i) => call('beta', tokens[i % 2])));
    expect(burst.every((r) => r.status === 200)).toBe(true);
    await waitForUsageDrained(config, queue);
    const { items } = await alertsOf(tokens[0]);
    expect(items.map((a: { type: string; threshold: number }) => `${a.type}@${a.threshold}`).sort()).toEqual([
      'quota.exceeded@1',
      'quota.warning@0.5',
      'quota.warning@0.8',
    ]);
    // A monthly quota's alerts name their month (ISO 8601), the month of the request.
    for (const a of items) expect(a.period).toBe(new Date(Date.parse(a.at)).toISOString().slice(0, 7));
  });
});

describe('alert listings', () => {
  it("pages a customer's alerts newest first and filters by type and date; operators see any account", async () => {
    const acct = await createAccount(api.url, config, {
      name: 'many-alerts',
      throttle: { limit: 10, periodSeconds: 60, warnAt: [0.3, 0.5, 0.7, 0.9] },
    });
    const token = await issueToken(api.url, acct);
    for (let i = 0; i < 11; i++) await call('alpha', token);
    // The 11th call locked the account out; lift it so the token can read its alerts.
    await http(`${api.url}/operator/v1/accounts/many-alerts/unlock`, { method: 'POST', headers: operator(config) });
    await waitForUsageDrained(config, queue);
    // Operators first. The customer's own listing calls below count too: after the unlock a new
    // window starts, and its first warning (0.3, the 3rd call) comes only after the two page reads.
    const op = await http(`${api.url}/operator/v1/alerts?account=many-alerts&type=throttle.warning`, {
      headers: operator(config),
    });
    expect(op.body.items).toHaveLength(4);
    const first = await alertsOf(token, 'pageSize=4');
    expect(first.items).toHaveLength(4);
    expect(first.nextPage).toBe(2);
    const second = await alertsOf(token, 'pageSize=4&page=2');
    expect(second.nextPage).toBeNull();
    const all = [...first.items, ...second.items];
    expect(all).toHaveLength(5);
    expect(all[0].type).toBe('throttle.lockout');
    // The throttling window's start as an ISO date-time (not epoch milliseconds), at or before each alert.
    for (const a of all) {
      expect(a.period).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(a.period)).toBeLessThanOrEqual(Date.parse(a.at));
      expect(Date.parse(a.at) - Date.parse(a.period)).toBeLessThan(60_000);
    }
    const times = all.map((a: { at: string }) => Date.parse(a.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const lockouts = (await alertsOf(token, 'type=throttle.lockout')).items;
    expect(lockouts).toHaveLength(1);
    // XML says the same (the 5th call of the window: the limit of 10 is not reached below).
    const xml = await http(`${api.url}/api/v1/admin/alerts?type=throttle.lockout`, {
      headers: { ...bearer(token), accept: 'application/xml' },
    });
    expect(xml.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(xml.text).toContain(`<period>${lockouts[0].period}</period>`);
    expect((await alertsOf(token, `since=${new Date(Date.now() + 60_000).toISOString()}`)).items).toHaveLength(0);
    expect((await http(`${api.url}/operator/v1/alerts`)).status).toBe(401);
    for (const q of ['type=nope', 'since=yesterday', 'page=0', 'pageSize=1000']) {
      const res = await http(`${api.url}/api/v1/admin/alerts?${q}`, { headers: bearer(token) });
      expect(res.status, q).toBe(400);
      expect(res.body.fields[0].field, q).toBe(q.split('=')[0]);
    }
  });
});

describe('webhooks', () => {
  let receiver: Server;
  let url: string;
  const hits: { headers: Record<string, string | string[] | undefined>; body: string; status: number }[] = [];
  let failuresLeft = 2;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const status = failuresLeft-- > 0 ? 500 : 200;
        hits.push({ headers: req.headers, body, status });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks/tollgate`;
  });
  afterAll(async () => {
    await new Promise((r) => receiver.close(r));
  });

  it('delivers each alert once, signed over timestamp and body, after the receiver failed twice', async () => {
    const acct = await createAccount(api.url, config, {
      name: 'hooked',
      alertWebhookUrl: url,
      throttle: { limit: 100, periodSeconds: 60, warnAt: [0.02] },
    });
    const secret = (await http(`${api.url}/operator/v1/accounts/hooked`, { headers: operator(config) })).body
      .alertWebhookSecret as string;
    expect(secret).toMatch(/^whsec_/);
    const token = await issueToken(api.url, acct);
    await call('alpha', token);
    await call('alpha', token);
    await waitForUsageDrained(config, queue);
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !hits.some((h) => h.status === 200)) await new Promise((r) => setTimeout(r, 50));
    // Give a duplicate delivery the chance to show up before asserting there is none.
    await new Promise((r) => setTimeout(r, 500));
    expect(hits.map((h) => h.status)).toEqual([500, 500, 200]);
    const ids = new Set(hits.map((h) => h.headers['tollgate-alert-id']));
    expect(ids.size).toBe(1);
    for (const h of hits)
      expect(
        verifyWebhook(secret, String(h.headers['tollgate-signature']), h.body, Math.floor(Date.now() / 1000)),
      ).toBe(true);
    expect(
      verifyWebhook(
        secret,
        String(hits[2].headers['tollgate-signature']),
        hits[2].body.replace('0.02', '0.03'),
        Math.floor(Date.now() / 1000),
      ),
    ).toBe(false);
    const payload = JSON.parse(hits[2].body);
    expect(payload).toMatchObject({
      type: 'throttle.warning',
      accountId: acct.accountId,
      threshold: 0.02,
      api: 'alpha',
    });
    const listed = await alertsOf(token);
    expect(listed.items[0].deliveredAt).not.toBeNull();
  });
});

describe('webhook targets', () => {
  const strict = testConfig();
  let strictApi: RunningApi;
  beforeAll(async () => {
    strictApi = await startApi(strict);
  });
  afterAll(async () => {
    await strictApi?.close();
    await dropStack(strict);
  });

  it('refuses loopback, link-local and private targets unless the operator setting allows them', async () => {
    for (const target of [
      'http://127.0.0.1:9000/x',
      'http://localhost/x',
      'http://169.254.169.254/latest',
      'http://10.0.0.5/x',
      'http://[::1]/x',
    ]) {
      const res = await http(`${strictApi.url}/operator/v1/accounts`, {
        method: 'POST',
        headers: operator(strict),
        json: { name: 'ssrf-try', alertWebhookUrl: target },
      });
      expect(res.status, target).toBe(400);
      expect(res.body.fields[0].field).toBe('alertWebhookUrl');
    }
    const ok = await http(`${strictApi.url}/operator/v1/accounts`, {
      method: 'POST',
      headers: operator(strict),
      json: { name: 'public-hook', alertWebhookUrl: 'https://93.184.215.14/hooks' },
    });
    expect(ok.status).toBe(201);
  });
});
