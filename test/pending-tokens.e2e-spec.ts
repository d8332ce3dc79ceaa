import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TollgateConfig } from '@tollgate/config';
import { StoreUnavailableError } from '@tollgate/domain-errors';
import { PendingTokens, type TokenRecord } from '@tollgate/tokens';
import { type ChildApp, dropStack, freePort, spawnApp, startApi, type RunningApi } from './support/apps';
import { bearer, createAccount, http, operator, type TestAccount } from './support/client';
import { processEnv, testConfig } from './support/test-config';

// Issued tokens are written behind: Redis first, Mongo in batches right after (PendingTokens). What
// must hold whatever the timing: a token works everywhere at once, and whatever reads Mongo's token
// records (revocation, lists, introspection) sees every token issued before it.
const config = testConfig('api');
let api: RunningApi;
/** A second API process: its own caches, so it looks every token up. */
let api2: ChildApp & { url: string };
let acme: TestAccount;
let conn: mongoose.Connection;

const issue = async (base = api.url) => {
  const res = await http(`${base}/oauth/token`, {
    method: 'POST',
    form: { grant_type: 'client_credentials', client_id: acme.clientId, client_secret: acme.clientSecret },
  });
  expect(res.status).toBe(200);
  return res.body as { access_token: string };
};
/** The token's id, from introspection (it reads a record wherever it is). */
const idOf = async (token: string, base = api.url) =>
  (
    await http(`${base}/oauth/introspect`, {
      method: 'POST',
      form: { token, client_id: acme.clientId, client_secret: acme.clientSecret },
    })
  ).body as { active: boolean; jti?: string };

beforeAll(async () => {
  api = await startApi(config);
  api2 = (await spawnApp('api', processEnv(config), await freePort())) as ChildApp & { url: string };
  acme = await createAccount(api.url, config, { name: 'pending-co', maxActiveTokens: 2_000 });
  conn = await mongoose.createConnection(config.mongoUrl).asPromise();
}, 90_000);

afterAll(async () => {
  await conn?.close();
  await api?.close();
  await api2?.kill('SIGTERM');
  await dropStack(config);
});

describe('issued tokens written behind', () => {
  it('work on another process at once, and reach Mongo by themselves', async () => {
    const t = await issue();
    // Another process has never seen it: it finds the record in Redis or in Mongo, wherever it is.
    expect((await http(`${api2.url}/api/v1/admin/limits`, { headers: bearer(t.access_token) })).status).toBe(200);
    const introspected = await idOf(t.access_token, api2.url);
    expect(introspected.active).toBe(true);
    // Moved without anyone asking (the issuing process drains shortly after), bounded.
    const deadline = Date.now() + 10_000;
    while (!(await conn.db!.collection('tokens').findOne({ tokenId: introspected.jti }))) {
      expect(Date.now(), 'the record reached Mongo').toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  it('are revoked in the record even when revoked the moment they are issued, on any process', async () => {
    for (let i = 0; i < 5; i++) {
      const t = await issue();
      const tokenId = (await idOf(t.access_token)).jti!;
      const revoked = await http(`${api2.url}/operator/v1/tokens/${tokenId}`, {
        method: 'DELETE',
        headers: operator(config),
      });
      expect(revoked.status).toBe(204);
      // No wait: the revocation flushed the pending records first, so it updated a record that exists.
      const record = await conn.db!.collection('tokens').findOne({ tokenId });
      expect(record?.revokedAt).toBeInstanceOf(Date);
      expect((await http(`${api2.url}/api/v1/admin/limits`, { headers: bearer(t.access_token) })).status).toBe(401);
    }
  });

  it('are all listed right after a concurrent burst of issuances, each stored once', async () => {
    const tokens = await Promise.all(Array.from({ length: 40 }, (_, i) => issue(i % 2 ? api.url : api2.url)));
    // Ids by introspection on the process that did not issue half of them (pending records included).
    const issued = await Promise.all(
      tokens.map(async (t) => ({ token_id: (await idOf(t.access_token, api2.url)).jti! })),
    );
    expect(issued.every((t) => t.token_id)).toBe(true);
    const listed = await http(`${api.url}/operator/v1/accounts/pending-co/tokens`, { headers: operator(config) });
    expect(listed.status).toBe(200);
    const ids = new Set(listed.body.tokens.map((t: { tokenId: string }) => t.tokenId));
    for (const t of issued) expect(ids.has(t.token_id)).toBe(true);
    const stored = await conn
      .db!.collection('tokens')
      .countDocuments({ tokenId: { $in: issued.map((t) => t.token_id) } });
    expect(stored).toBe(40);
  });

  it('are unknown everywhere (401, never a 500) when Redis loses their records before they move', async () => {
    const redis = new Redis(config.redisUrl);
    try {
      const keys = ['records', 'added', 'due'].map((k) => `${config.redisPrefix}:{pending-tokens}:${k}`);
      // The records wait about 100 ms: dropping them right after the answer loses the token before it
      // moves. If a drain won the race (the record reached Mongo), that try proves nothing: try again.
      for (let attempt = 0; ; attempt++) {
        expect(attempt, 'the record kept reaching Mongo first').toBeLessThan(10);
        const t = await issue();
        await redis.del(...keys);
        const known = await http(`${api2.url}/api/v1/admin/limits`, { headers: bearer(t.access_token) });
        if (known.status === 200) continue;
        expect([known.status, known.body.error]).toEqual([401, 'invalid_token']);
        expect((await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(t.access_token) })).status).toBe(401);
        break;
      }
    } finally {
      redis.disconnect();
    }
  });
});

describe('PendingTokens', () => {
  const record = (accountId: string): TokenRecord => ({
    id: `tok_${randomBytes(12).toString('base64url')}`,
    accountId,
    tokenHash: randomBytes(32).toString('base64url'),
    scopes: ['data:read'],
    issuedAt: new Date(),
    expiresAt: new Date(Date.now() + 3_600_000),
    revokedAt: null,
    generation: 0,
    throttle: { limit: 10, periodSeconds: 60, lockoutSeconds: 60, scope: 'account', warnAt: [] },
    via: 'oauth',
  });

  it('moves records once however many processes drain at once', async () => {
    const pending = api.app.get(PendingTokens, { strict: false });
    const accountId = `acc_${randomBytes(6).toString('hex')}`;
    const records = Array.from({ length: 1_200 }, () => record(accountId));
    // Added faster than the 100 ms drain delay, then three flushes race the issuing process's own drain.
    await Promise.all(records.map((r) => pending.add(r)));
    await Promise.all([pending.flush(), pending.flush(), pending.flush()]);
    expect(await conn.db!.collection('tokens').countDocuments({ accountId })).toBe(1_200);
    for (const r of records.slice(0, 20)) expect(await pending.find(r.tokenHash)).toBeNull();
  });

  it('keeps records while the store refuses them, refuses issuance (503) once they wait too long, and recovers', async () => {
    const redis = new Redis(config.redisUrl);
    let storeUp = false;
    const moved: TokenRecord[] = [];
    // A fake of our own repository: the store going away is what this test is about.
    const repo = {
      insertIfAbsent: async (rs: TokenRecord[]) => {
        if (!storeUp) throw Object.assign(new Error('connection refused'), { name: 'MongoNetworkError' });
        moved.push(...rs);
      },
    } as unknown as ConstructorParameters<typeof PendingTokens>[2];
    const own = new PendingTokens(
      redis as never,
      { redisPrefix: `pt${randomBytes(4).toString('hex')}`, role: 'cli' } as TollgateConfig,
      repo,
    );
    own.maxAgeMs = 400;
    try {
      const first = record('acc_x');
      await own.add(first);
      await expect(own.flush()).rejects.toThrow('connection refused');
      expect((await own.find(first.tokenHash))?.id).toBe(first.id);
      await own.add(record('acc_x')); // still within the bound
      await new Promise((r) => setTimeout(r, 500));
      const refused = record('acc_x');
      await expect(own.add(refused)).rejects.toBeInstanceOf(StoreUnavailableError);
      storeUp = true;
      // No flush by hand: a refused issuance starts a drain, and the records a failed move had taken
      // are due again at once (the claim was given back), so issuance resumes within moments.
      const deadline = Date.now() + 5_000;
      for (;;) {
        const next = record('acc_x');
        const ok = await own.add(next).then(
          () => true,
          (err: unknown) => {
            expect(err).toBeInstanceOf(StoreUnavailableError);
            return false;
          },
        );
        if (ok) break;
        expect(Date.now(), 'issuance resumed once the store was back').toBeLessThan(deadline);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(moved.map((r) => r.id)).toContain(first.id);
      expect(moved.map((r) => r.id)).not.toContain(refused.id); // refused: never added
      expect(moved[0].issuedAt).toBeInstanceOf(Date);
    } finally {
      await own.onApplicationShutdown();
      redis.disconnect();
    }
  });
});
