import { randomBytes } from 'node:crypto';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TooManyFailuresError } from '@tollgate/auth-failures';
import { BearerError } from '@tollgate/domain-errors';
import { PendingTokens, TokensService } from '@tollgate/tokens';
import { dropStack, freePort, spawnApp, startApi, type RunningApi } from './support/apps';
import { bearer, createAccount, http, issueToken, type TestAccount } from './support/client';
import { processEnv, testConfig } from './support/test-config';

/**
 * The work the token endpoint and the bearer guard ask of the store, counted per call (mongoose's
 * per-connection debug hook sees every collection operation the API makes): the same for a known and
 * an unknown client, one primary-key read for an unknown token. Counting, not timing: timings on a
 * shared machine prove nothing, while a second query on one path but not the other always shows here.
 */
const config = testConfig();
let api: RunningApi;
let acme: TestAccount;
let calls: { collection: string; method: string; filter: unknown }[] = [];

const basic = (id: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
});
const token = (id: string, secret: string) =>
  http(`${api.url}/oauth/token`, {
    method: 'POST',
    headers: basic(id, secret),
    form: { grant_type: 'client_credentials' },
  });
const shape = () => calls.map((c) => `${c.collection}.${c.method}`);
/**
 * Issued tokens reach Mongo a moment later, in batches (PendingTokens): this moves them now, so the
 * calls seen are complete. Returns the store calls other than those inserts, and the ids inserted.
 */
const settled = async () => {
  await api.app.get(PendingTokens, { strict: false }).flush();
  const inserts = calls.filter((c) => `${c.collection}.${c.method}` === 'tokens.insertMany');
  return {
    others: shape().filter((s) => s !== 'tokens.insertMany'),
    inserted: inserts.flatMap((c) => c.filter as { _id: string }[]).map((d) => d._id),
  };
};

beforeAll(async () => {
  api = await startApi(config);
  acme = await createAccount(api.url, config, { name: 'lookup-co', maxActiveTokens: 50 });
  const conn = api.app.get<Connection>(getConnectionToken());
  conn.set('debug', (collection: string, method: string, filter: unknown) => {
    calls.push({ collection, method, filter });
  });
  await issueToken(api.url, acme); // the live-token set now exists in Redis
  await settled();
});
afterAll(async () => {
  await api?.close();
  await dropStack(config);
});
beforeEach(async () => {
  await settled(); // nothing of an earlier test moves during this one
  calls = [];
});

describe('client authentication at the token endpoint', () => {
  it('costs one primary-key read whether the client is unknown, known by id or by name, with a wrong secret', async () => {
    const seen: string[][] = [];
    for (const [id, secret] of [
      [`tgc_${randomBytes(16).toString('base64url')}`, 'tgs_wrong'],
      ['no-such-name', 'tgs_wrong'],
      [acme.clientId, 'tgs_wrong'],
      ['lookup-co', 'tgs_wrong'],
    ]) {
      calls = [];
      const res = await token(id, secret);
      expect([res.status, res.body.error]).toEqual([401, 'invalid_client']);
      seen.push(shape());
      expect(calls.map((c) => c.filter)).toEqual([{ _id: id }]);
    }
    expect(new Set(seen.map((s) => s.join())).size).toBe(1);
    expect(seen[0]).toEqual(['account_logins.findOne']);
  });

  it("issues with one key read the first time, then from the process's copy of the client: no read, the record inserted once", async () => {
    const fresh = await createAccount(api.url, config, { name: 'copy-co' });
    await settled();
    calls = [];
    expect((await token(fresh.clientId, fresh.clientSecret)).status).toBe(200);
    // First token: the live set is seeded from the record.
    let seen = await settled();
    expect(seen.others).toEqual(['account_logins.findOne', 'tokens.find']);
    expect(new Set(seen.inserted).size).toBe(1);
    calls = [];
    expect((await token(fresh.clientId, fresh.clientSecret)).status).toBe(200);
    seen = await settled();
    expect(seen.others).toEqual([]);
    expect(new Set(seen.inserted).size).toBe(1);
    // A wrong secret for that same client is decided by the record: the one key read, like any unknown client.
    calls = [];
    expect((await token(fresh.clientId, `${fresh.clientSecret}x`)).status).toBe(401);
    expect(shape()).toEqual(['account_logins.findOne']);
  });

  it('a secret rotated in on another process is accepted at once (the copy does not know it: the record decides), the one rotated away refused at once', async () => {
    const rotor = await createAccount(api.url, config, { name: 'rotor-co' });
    expect((await token(rotor.clientId, rotor.clientSecret)).status).toBe(200); // this process now has a copy
    // A real second process (two Nest apps in one process would share Passport's strategy registry).
    const other = await spawnApp('api', processEnv(config), await freePort());
    try {
      const rotated = await http(`${other.url}/operator/v1/accounts/rotor-co/secrets`, {
        method: 'POST',
        headers: { 'x-operator-key': config.operatorKey },
        json: { graceSeconds: 0 },
      });
      expect(rotated.status).toBe(201);
      const refused = await token(rotor.clientId, rotor.clientSecret);
      expect([refused.status, refused.body.error]).toEqual([401, 'invalid_client']);
      expect((await token(rotor.clientId, rotated.body.clientSecret)).status).toBe(200);
    } finally {
      await other.kill();
    }
  });

  it('refuses a disabled account at once', async () => {
    const other = await createAccount(api.url, config, { name: 'cached-co' });
    expect((await token(other.clientId, other.clientSecret)).status).toBe(200);
    await http(`${api.url}/operator/v1/accounts/cached-co`, {
      method: 'PATCH',
      headers: { 'x-operator-key': config.operatorKey },
      json: { status: 'disabled' },
    });
    const refused = await token(other.clientId, other.clientSecret);
    expect([refused.status, refused.body.error]).toEqual([400, 'unauthorized_client']);
  });

  // How concurrent issuances share inserts depends on timing (test/pending-tokens.e2e-spec.ts races
  // drains); what holds always: no key read for a client this process has a current copy of, every
  // token stored once and usable.
  it('stores every one of 16 concurrent issuances exactly once, with no key read for a copied client', async () => {
    expect((await token('lookup-co', acme.clientSecret)).status).toBe(200);
    await settled();
    calls = [];
    const results = await Promise.all(Array.from({ length: 16 }, () => token('lookup-co', acme.clientSecret)));
    expect(results.map((r) => r.status)).toEqual(Array(16).fill(200));
    const seen = await settled();
    expect(new Set(seen.inserted).size).toBe(16);
    expect(seen.others).toEqual([]);
    for (const r of results.slice(0, 3)) {
      expect((await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(r.body.access_token) })).status).toBe(200);
    }
  });
});

describe('the bearer guard', () => {
  it('looks a random well-formed token up with one primary-key read, and not again', async () => {
    const random = `tgt_${randomBytes(32).toString('base64url')}`;
    expect((await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(random) })).status).toBe(401);
    expect(shape()).toEqual(['tokens.findOne']);
    expect(Object.keys(calls[0].filter as object)).toEqual(['_id']);
    calls = [];
    expect((await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(random) })).status).toBe(401);
    expect(shape()).toEqual([]);
  });

  it('loads a known token by key once (token, then its account), then serves it with no store call', async () => {
    const t = await issueToken(api.url, acme);
    await settled(); // (a record not moved yet is read from Redis instead: no token read at all)
    calls = [];
    expect((await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(t) })).status).toBe(200);
    expect(shape()).toEqual(['tokens.findOne', 'accounts.findOne']);
    expect(calls.every((c) => Object.keys(c.filter as object).join() === '_id')).toBe(true);
    calls = [];
    expect((await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(t) })).status).toBe(200);
    expect(shape()).toEqual([]);
  });
});

describe('failed authentications per client address', () => {
  const limited = testConfig();
  let own: RunningApi;
  beforeAll(async () => {
    own = await startApi(limited);
  });
  afterAll(async () => {
    await own?.close();
    await dropStack(limited);
  });

  it('refuses an address after 20 failures at the token endpoint (429 too_many_failures, Retry-After), before any store call', async () => {
    const victim = await createAccount(own.url, limited, { name: 'guessed-co' });
    const attempt = (secret: string) =>
      http(`${own.url}/oauth/token`, {
        method: 'POST',
        headers: basic('guessed-co', secret),
        form: { grant_type: 'client_credentials' },
      });
    // Successes do not count.
    for (let i = 0; i < 3; i++) expect((await attempt(victim.clientSecret)).status).toBe(200);
    for (let i = 0; i < 20; i++) expect((await attempt(`tgs_guess${i}`)).status).toBe(401);
    const conn = own.app.get<Connection>(getConnectionToken());
    const seen: string[] = [];
    conn.set('debug', (collection: string, method: string) => void seen.push(`${collection}.${method}`));
    const refused = await attempt('tgs_one-more');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe('too_many_failures');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(seen).toEqual([]);
    // The address is slowed down, whatever it sends, on both token endpoints, until the window ends.
    expect((await attempt(victim.clientSecret)).status).toBe(429);
    const insideView = await http(
      `${own.url}/Auth/login/v1/token.json?clientId=guessed-co&clientSecret=${victim.clientSecret}&grantType=cred`,
      { method: 'POST' },
    );
    expect(insideView.status).toBe(429);
  });

  it('shares the count between instances: an address blocked on one is refused on another before any attempt there', async () => {
    const other = await spawnApp('api', processEnv(limited), await freePort());
    try {
      await createAccount(own.url, limited, { name: 'spread-co' });
      const attempt = (base: string, secret: string) =>
        http(`${base}/oauth/token`, {
          method: 'POST',
          headers: basic('spread-co', secret),
          form: { grant_type: 'client_credentials' },
        });
      // Both instances see the loopback address; the previous test already blocked it on `own`.
      expect((await attempt(own.url, 'tgs_x')).status).toBe(429);
      expect((await attempt(other.url!, 'tgs_first-here')).status).toBe(429);
      expect((await attempt(other.url!, 'tgs_second-here')).status).toBe(429);
    } finally {
      await other.kill();
    }
  });

  it('counts store lookups of unknown bearer tokens per address when the guard passes the address', async () => {
    const tokens = own.app.get(TokensService);
    const random = () => `tgt_${randomBytes(32).toString('base64url')}`;
    for (let i = 0; i < 20; i++)
      await expect(tokens.authenticate(random(), '198.51.100.7')).rejects.toBeInstanceOf(BearerError);
    await expect(tokens.authenticate(random(), '198.51.100.7')).rejects.toBeInstanceOf(TooManyFailuresError);
    await expect(tokens.authenticate(random(), '2001:db8:7:7::1')).rejects.toBeInstanceOf(BearerError);
  });
});
