import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildApp, dropStack, freePort, spawnApp } from './support/apps';
import { createAccount, http, issueToken, operator, type TestAccount } from './support/client';
import { TestRedisServer } from './support/redis-server';
import { processEnv, testConfig } from './support/test-config';

/**
 * Account writes tell Redis first (issuers stop using their copies of the account), then write Mongo,
 * then raise the revision. With Redis away, a write is refused before anything is stored (a rotated
 * secret is never stored without being shown), and every call answers 503, never 500.
 */
let redis: TestRedisServer;
let api: ChildApp & { url: string };
let config: ReturnType<typeof testConfig>;
let acct: TestAccount;

const token = (secret: string) =>
  http(`${api.url}/oauth/token`, {
    method: 'POST',
    form: { grant_type: 'client_credentials', client_id: acct.clientId, client_secret: secret },
  });

beforeAll(async () => {
  redis = await TestRedisServer.start();
  config = { ...testConfig(), redisUrl: redis.url };
  api = (await spawnApp('api', processEnv(config), await freePort())) as ChildApp & { url: string };
  acct = await createAccount(api.url, config, { name: 'writes-co' });
  await issueToken(api.url, acct); // this process now holds a copy of the client
});
afterAll(async () => {
  await api?.kill();
  await dropStack(config, { redis: false }).catch(() => undefined);
  await redis?.stop();
});

describe('account writes while Redis is away', () => {
  it('answer 503 and store nothing; the secret in use keeps working once Redis is back', async () => {
    await redis.kill();
    const rotate = await http(`${api.url}/operator/v1/accounts/writes-co/secrets`, {
      method: 'POST',
      headers: operator(config),
      json: { graceSeconds: 0 },
    });
    expect([rotate.status, rotate.body.error]).toEqual([503, 'temporarily_unavailable']);
    expect(JSON.stringify(rotate.body)).not.toMatch(/tgs_/);
    const patch = await http(`${api.url}/operator/v1/accounts/writes-co`, {
      method: 'PATCH',
      headers: operator(config),
      json: { status: 'disabled' },
    });
    expect(patch.status).toBe(503);
    const issued = await token(acct.clientSecret);
    expect([issued.status, issued.body.error]).toEqual([503, 'temporarily_unavailable']);

    await redis.restart();
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await token(acct.clientSecret)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200); // not rotated, not disabled: the refused writes stored nothing
    const view = await http(`${api.url}/operator/v1/accounts/writes-co`, { headers: operator(config) });
    expect([view.body.status, view.body.secrets.length]).toEqual(['active', 1]);
  });

  it('after Redis came back empty, a rotation on this process applies at once to its copy', async () => {
    const rotated = await http(`${api.url}/operator/v1/accounts/writes-co/secrets`, {
      method: 'POST',
      headers: operator(config),
      json: { graceSeconds: 0 },
    });
    expect(rotated.status).toBe(201);
    expect((await token(acct.clientSecret)).status).toBe(401);
    expect((await token(rotated.body.clientSecret)).status).toBe(200);
  });
});
