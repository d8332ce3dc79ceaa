import { Controller, Get } from '@nestjs/common';
import Redis from 'ioredis';
import mongoose from 'mongoose';
import { activeTokensKey } from '@tollgate/access-state';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CurrentPrincipal, type Principal, RequireScopes } from '@tollgate/tokens';
import { ApiProduct } from '@tollgate/usage';
import { type ChildApp, dropStack, freePort, spawnApp, startApi, startWorker, type RunningApi } from './support/apps';
import { TokenPurger } from '@tollgate/tokens';
import { bearer, createAccount, http, issueToken, operator, type TestAccount } from './support/client';
import { ContractExempt } from './support/contract';
import { processEnv, testConfig } from './support/test-config';

/** A protected route requiring a scope, mounted only in this test. */
@Controller('api/v1/probe')
@ApiProduct('probe')
@ContractExempt('test fixture')
class ProbeController {
  @Get('read')
  read(@CurrentPrincipal() p: Principal) {
    return { accountId: p.accountId, tokenId: p.tokenId, scopes: p.scopes };
  }

  @Get('write')
  @RequireScopes('data:write')
  write() {
    return { ok: true };
  }
}

const config = testConfig('api', { PUBLIC_URL: 'https://api.example.test' });
let api: RunningApi;
/** A second API instance in its own process (dist build): its own principal cache. */
let api2: ChildApp & { url: string };
let acme: TestAccount;
const basic = (id: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
});
const tokenReq = (base: string, init: Parameters<typeof http>[1]) =>
  http(`${base}/oauth/token`, { method: 'POST', ...init });

beforeAll(async () => {
  api = await startApi(config, { imports: [{ module: class ProbeModule {}, controllers: [ProbeController] }] });
  api2 = (await spawnApp(
    'api',
    processEnv(config, { PUBLIC_URL: 'https://api.example.test' }),
    await freePort(),
  )) as ChildApp & { url: string };
  acme = await createAccount(api.url, config, {
    name: 'acme-corp',
    scopes: ['data:read', 'data:write', 'reports'],
    maxActiveTokens: 50,
  });
});
afterAll(async () => {
  await api?.close();
  await api2?.kill('SIGTERM');
  await dropStack(config);
});

describe('operator accounts API', () => {
  it('creates an account with a client ID and a secret shown once', async () => {
    expect(acme.clientId).toMatch(/^tgc_/);
    expect(acme.clientSecret).toMatch(/^tgs_[A-Za-z0-9_-]{43}$/);
    const shown = await http(`${api.url}/operator/v1/accounts/acme-corp`, { headers: operator(config) });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      name: 'acme-corp',
      clientId: acme.clientId,
      status: 'active',
      tokenTtlSeconds: 3600,
    });
    expect(shown.body.throttle).toEqual({
      limit: 1000,
      periodSeconds: 300,
      lockoutSeconds: 300,
      scope: 'account',
      warnAt: [0.8, 0.9],
      apis: [],
    });
    expect(shown.text).not.toContain(acme.clientSecret);
    expect(shown.body).not.toHaveProperty('clientSecret');
  });

  it('refuses duplicates, bad names and a missing or wrong operator key', async () => {
    expect(
      (
        await http(`${api.url}/operator/v1/accounts`, {
          method: 'POST',
          headers: operator(config),
          json: { name: 'acme-corp' },
        })
      ).status,
    ).toBe(409);
    const bad = await http(`${api.url}/operator/v1/accounts`, {
      method: 'POST',
      headers: operator(config),
      json: { name: 'No Caps!', extra: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['extra', 'name']);
    expect((await http(`${api.url}/operator/v1/accounts/acme-corp`)).status).toBe(401);
    expect(
      (await http(`${api.url}/operator/v1/accounts/acme-corp`, { headers: { 'x-operator-key': 'nope' } })).status,
    ).toBe(401);
    expect((await http(`${api.url}/operator/v1/accounts/nobody-here`, { headers: operator(config) })).status).toBe(404);
  });
});

describe('POST /oauth/token (RFC 6749 4.4)', () => {
  it('issues a bearer token with client_secret_basic, no-store', async () => {
    const res = await tokenReq(api.url, {
      headers: basic(acme.clientId, acme.clientSecret),
      form: { grant_type: 'client_credentials' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'data:read data:write reports' });
    expect(res.body.access_token).toMatch(/^tgt_[A-Za-z0-9_-]{43}$/);
  });

  it('issues with client_secret_post, with the account name as alias, and a scope subset', async () => {
    const res = await tokenReq(api.url, {
      form: {
        grant_type: 'client_credentials',
        client_id: 'acme-corp',
        client_secret: acme.clientSecret,
        scope: 'data:read',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('data:read');
    const probe = await http(`${api.url}/api/v1/probe/read`, { headers: bearer(res.body.access_token) });
    expect(probe.body.scopes).toEqual(['data:read']);
  });

  it('answers each RFC 6749 5.2 error', async () => {
    const wrong = await tokenReq(api.url, {
      headers: basic(acme.clientId, 'tgs_wrong'),
      form: { grant_type: 'client_credentials' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    const unknown = await tokenReq(api.url, {
      form: { grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' },
    });
    expect([unknown.status, unknown.body.error]).toEqual([401, 'invalid_client']);
    const noAuth = await tokenReq(api.url, { form: { grant_type: 'client_credentials' } });
    expect([noAuth.status, noAuth.body.error]).toEqual([401, 'invalid_client']);
    const grant = await tokenReq(api.url, {
      headers: basic(acme.clientId, acme.clientSecret),
      form: { grant_type: 'password' },
    });
    expect([grant.status, grant.body.error]).toEqual([400, 'unsupported_grant_type']);
    const noGrant = await tokenReq(api.url, { headers: basic(acme.clientId, acme.clientSecret), form: {} });
    expect([noGrant.status, noGrant.body.error]).toEqual([400, 'invalid_request']);
    const scope = await tokenReq(api.url, {
      headers: basic(acme.clientId, acme.clientSecret),
      form: { grant_type: 'client_credentials', scope: 'data:read admin:everything' },
    });
    expect([scope.status, scope.body.error]).toEqual([400, 'invalid_scope']);
    const both = await tokenReq(api.url, {
      headers: basic(acme.clientId, acme.clientSecret),
      form: { grant_type: 'client_credentials', client_id: acme.clientId, client_secret: acme.clientSecret },
    });
    expect([both.status, both.body.error]).toEqual([400, 'invalid_request']);
  });

  it('refuses malformed input with the RFC error, never a 500', async () => {
    const cases: [string, RequestInit][] = [
      [
        'malformed basic',
        {
          headers: { authorization: 'Basic %%%not-base64', 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials',
        },
      ],
      [
        'basic without colon',
        {
          headers: {
            authorization: `Basic ${Buffer.from('justanid').toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: 'grant_type=client_credentials',
        },
      ],
      [
        'json body',
        {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            grant_type: 'client_credentials',
            client_id: { $ne: null },
            client_secret: { $ne: null },
          }),
        },
      ],
      ['text body', { headers: { 'content-type': 'text/plain' }, body: 'grant_type=client_credentials' }],
      [
        'duplicated parameter',
        {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `grant_type=client_credentials&grant_type=password&client_id=${acme.clientId}&client_secret=${acme.clientSecret}`,
        },
      ],
      [
        'oversized value',
        {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `grant_type=client_credentials&client_id=${'a'.repeat(5000)}&client_secret=x`,
        },
      ],
      [
        'operator in bracket syntax',
        {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials&client_id[$ne]=x&client_secret[$ne]=x',
        },
      ],
      ['broken json', { headers: { 'content-type': 'application/json' }, body: '{"grant_type":' }],
    ];
    for (const [name, init] of cases) {
      const res = await http(`${api.url}/oauth/token`, { method: 'POST', ...init });
      expect(res.status, name).toBeGreaterThanOrEqual(400);
      expect(res.status, name).toBeLessThan(500);
      expect(['invalid_request', 'invalid_client'], name).toContain(res.body.error);
      expect(res.text, name).not.toContain(acme.clientSecret);
    }
  });

  it('caps live tokens at maxActiveTokens, exactly, even under concurrency', async () => {
    const small = await createAccount(api.url, config, { name: 'small-co', maxActiveTokens: 3 });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        tokenReq(i % 2 ? api.url : api2.url, {
          headers: basic(small.clientId, small.clientSecret),
          form: { grant_type: 'client_credentials' },
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 400);
    expect(ok.length).toBe(3);
    expect(ok.length + refused.length).toBe(8);
    expect(refused[0].body.error).toBe('invalid_request');
    expect(refused[0].body.error_description).toMatch(/maximum of 3 active tokens/);
    const listed = await http(`${api.url}/operator/v1/accounts/small-co/tokens`, { headers: operator(config) });
    expect(listed.body.tokens).toHaveLength(ok.length);
  });
});

describe('InsideView token endpoint', () => {
  it('answers XML by default with the credentials in the query string', async () => {
    const res = await http(
      `${api.url}/Auth/login/v1/token?clientId=${acme.clientId}&clientSecret=${acme.clientSecret}&grantType=cred`,
      { method: 'POST' },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/xml/);
    expect(res.text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><accessTokenDetails><accessToken>tgt_[A-Za-z0-9_-]{43}<\/accessToken><tokenType>bearer<\/tokenType><expirationTime>\d{4}-/,
    );
  });

  it('answers JSON for token.json or Accept: application/json, from a form body too', async () => {
    const json = await http(`${api.url}/Auth/login/v1/token.json`, {
      method: 'POST',
      form: { clientId: 'acme-corp', clientSecret: acme.clientSecret, grantType: 'cred' },
    });
    expect(json.status).toBe(200);
    expect(json.body.accessTokenDetails).toMatchObject({
      tokenType: 'bearer',
      accessToken: expect.stringMatching(/^tgt_/),
    });
    const accept = await http(
      `${api.url}/Auth/login/v1/token?clientId=${acme.clientId}&clientSecret=${acme.clientSecret}&grantType=cred`,
      { method: 'POST', headers: { accept: 'application/json' } },
    );
    expect(accept.body.accessTokenDetails.expirationTime).toMatch(/Z$/);
    const probe = await http(`${api.url}/api/v1/probe/read`, {
      headers: { accessToken: json.body.accessTokenDetails.accessToken },
    });
    expect(probe.status).toBe(200);
  });

  it('refuses a wrong secret and a wrong grant type', async () => {
    const wrong = await http(
      `${api.url}/Auth/login/v1/token.json?clientId=${acme.clientId}&clientSecret=nope&grantType=cred`,
      { method: 'POST' },
    );
    expect([wrong.status, wrong.body.error]).toEqual([401, 'invalid_client']);
    const grant = await http(
      `${api.url}/Auth/login/v1/token.json?clientId=${acme.clientId}&clientSecret=${acme.clientSecret}&grantType=password`,
      { method: 'POST' },
    );
    expect([grant.status, grant.body.error]).toEqual([400, 'unsupported_grant_type']);
  });
});

describe('the bearer guard', () => {
  it('answers 401 with a Bearer challenge when the token is missing', async () => {
    const res = await http(`${api.url}/api/v1/probe/read`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="tollgate"');
  });

  it('answers 401 invalid_token for garbage of any length', async () => {
    for (const garbage of ['x', 'tgt_short', `tgt_${'A'.repeat(43)}`, 'a'.repeat(4000), 'tgt_' + '€'.repeat(10)]) {
      const res = await http(`${api.url}/api/v1/probe/read`, {
        headers: { authorization: `Bearer ${encodeURIComponent(garbage)}` },
      });
      expect(res.status, garbage.slice(0, 20)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    }
  });

  it('answers 403 insufficient_scope when the token lacks the route scope', async () => {
    const token = await issueToken(api.url, acme, 'data:read');
    const res = await http(`${api.url}/api/v1/probe/write`, { headers: bearer(token) });
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toMatch(/error="insufficient_scope".*scope="data:write"/);
    const full = await issueToken(api.url, acme, 'data:read data:write');
    expect((await http(`${api.url}/api/v1/probe/write`, { headers: bearer(full) })).status).toBe(200);
  });
});

describe('revocation (RFC 7009) and introspection (RFC 7662)', () => {
  const revoke = (base: string, account: TestAccount, token: string) =>
    http(`${base}/oauth/revoke`, {
      method: 'POST',
      headers: basic(account.clientId, account.clientSecret),
      form: { token },
    });
  const introspect = (account: TestAccount | undefined, token: string) =>
    http(`${api.url}/oauth/introspect`, {
      method: 'POST',
      headers: account ? basic(account.clientId, account.clientSecret) : operator(config),
      form: { token },
    });

  it('revokes one token on every instance before answering; the others keep working', async () => {
    const a = await issueToken(api.url, acme);
    const b = await issueToken(api.url, acme);
    // Both instances have the principal cached.
    expect((await http(`${api2.url}/api/v1/admin/limits`, { headers: bearer(a) })).status).toBe(200);
    expect((await http(`${api.url}/api/v1/probe/read`, { headers: bearer(a) })).status).toBe(200);
    const revoked = await revoke(api.url, acme, a);
    expect(revoked.status).toBe(200);
    // JSON, as OAuth client libraries expect (an empty text/plain body made simple-oauth2 throw).
    expect(revoked.headers.get('content-type')).toMatch(/^application\/json/);
    expect(revoked.body).toEqual({});
    const other = await http(`${api2.url}/api/v1/admin/limits`, { headers: bearer(a) });
    expect(other.status).toBe(401);
    expect(other.headers.get('www-authenticate')).toMatch(/invalid_token/);
    expect((await http(`${api.url}/api/v1/probe/read`, { headers: bearer(a) })).status).toBe(401);
    expect((await http(`${api2.url}/api/v1/admin/limits`, { headers: bearer(b) })).status).toBe(200);
  });

  it("answers 200 for unknown tokens and leaves other clients' tokens alone", async () => {
    expect((await revoke(api.url, acme, 'tgt_unknown')).status).toBe(200);
    const other = await createAccount(api.url, config, { name: 'other-co' });
    const theirs = await issueToken(api.url, other);
    expect((await revoke(api.url, acme, theirs)).status).toBe(200);
    expect((await http(`${api.url}/api/v1/probe/read`, { headers: bearer(theirs) })).status).toBe(200);
    expect((await introspect(acme, theirs)).body).toEqual({ active: false });
    expect((await introspect(other, theirs)).body.active).toBe(true);
  });

  it('introspects live, revoked and expired tokens, by the client or the operator', async () => {
    const live = await issueToken(api.url, acme, 'data:read');
    const res = await introspect(acme, live);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toMatchObject({
      active: true,
      scope: 'data:read',
      client_id: acme.clientId,
      username: 'acme-corp',
      token_type: 'Bearer',
      sub: acme.accountId,
    });
    expect(res.body.exp - res.body.iat).toBe(3600);
    expect((await introspect(undefined, live)).body.active).toBe(true);
    await revoke(api.url, acme, live);
    expect((await introspect(acme, live)).body).toEqual({ active: false });

    const shortLived = await createAccount(api.url, config, { name: 'short-lived', tokenTtlSeconds: 60 });
    const token = await issueToken(api.url, shortLived);
    expect((await introspect(shortLived, token)).body.active).toBe(true);
    api.clock.advance(61_000);
    try {
      expect((await introspect(shortLived, token)).body).toEqual({ active: false });
      const expired = await http(`${api.url}/api/v1/probe/read`, { headers: bearer(token) });
      expect(expired.status).toBe(401);
      expect(expired.headers.get('www-authenticate')).toMatch(/expired/);
    } finally {
      api.clock.advance(-61_000);
    }
  });

  it('requires client authentication for revoke and introspect', async () => {
    const res = await http(`${api.url}/oauth/introspect`, { method: 'POST', form: { token: 'x' } });
    expect([res.status, res.body.error]).toEqual([401, 'invalid_client']);
  });
});

describe('secret rotation, disabling, revoke-all', () => {
  it('keeps the old secret working for the grace period only', async () => {
    const acct = await createAccount(api.url, config, { name: 'rotating-co' });
    const rotated = await http(`${api.url}/operator/v1/accounts/rotating-co/secrets`, {
      method: 'POST',
      headers: operator(config),
      json: { graceSeconds: 120 },
    });
    expect(rotated.status).toBe(201);
    const fresh = rotated.body.clientSecret as string;
    expect(fresh).not.toBe(acct.clientSecret);
    expect(await issueToken(api.url, { clientId: acct.clientId, clientSecret: acct.clientSecret })).toMatch(/^tgt_/);
    expect(await issueToken(api.url, { clientId: acct.clientId, clientSecret: fresh })).toMatch(/^tgt_/);
    api.clock.advance(121_000);
    try {
      const old = await tokenReq(api.url, {
        headers: basic(acct.clientId, acct.clientSecret),
        form: { grant_type: 'client_credentials' },
      });
      expect([old.status, old.body.error]).toEqual([401, 'invalid_client']);
      expect(await issueToken(api.url, { clientId: acct.clientId, clientSecret: fresh })).toMatch(/^tgt_/);
    } finally {
      api.clock.advance(-121_000);
    }
  });

  it('disabling an account fails its tokens at once on every instance', async () => {
    const acct = await createAccount(api.url, config, { name: 'disabled-co' });
    const token = await issueToken(api.url, acct);
    expect((await http(`${api2.url}/api/v1/admin/limits`, { headers: bearer(token) })).status).toBe(200);
    expect(
      (
        await http(`${api.url}/operator/v1/accounts/disabled-co`, {
          method: 'PATCH',
          headers: operator(config),
          json: { status: 'disabled' },
        })
      ).status,
    ).toBe(200);
    expect((await http(`${api2.url}/api/v1/admin/limits`, { headers: bearer(token) })).status).toBe(401);
    const refused = await tokenReq(api.url, {
      headers: basic(acct.clientId, acct.clientSecret),
      form: { grant_type: 'client_credentials' },
    });
    expect([refused.status, refused.body.error]).toEqual([400, 'unauthorized_client']);
    await http(`${api.url}/operator/v1/accounts/disabled-co`, {
      method: 'PATCH',
      headers: operator(config),
      json: { status: 'active' },
    });
    // Disabling ended every token issued before it: re-enabling does not bring them back.
    for (const instance of [api, api2])
      expect((await http(`${instance.url}/api/v1/admin/limits`, { headers: bearer(token) })).status).toBe(401);
    const introspected = await http(`${api.url}/oauth/introspect`, {
      method: 'POST',
      headers: operator(config),
      form: { token },
    });
    expect(introspected.body).toEqual({ active: false });
    expect(
      (await http(`${api2.url}/api/v1/admin/limits`, { headers: bearer(await issueToken(api.url, acct)) })).status,
    ).toBe(200);
  });

  it('gives a re-enabled account its whole maxActiveTokens again (the ended tokens hold no slot)', async () => {
    const acct = await createAccount(api.url, config, { name: 'reenabled-co', maxActiveTokens: 2 });
    await issueToken(api.url, acct);
    await issueToken(api.url, acct);
    await disableThenEnable('reenabled-co');
    await expectCapOfTwoUsable(acct, [api, api2]);
  });

  it('frees the slots of ended tokens a lost generation raise left in Redis (read from the record at "full")', async () => {
    const acct = await createAccount(api.url, config, { name: 'lost-raise-co', maxActiveTokens: 2 });
    await issueToken(api.url, acct);
    await issueToken(api.url, acct);
    const listed = await http(`${api.url}/operator/v1/accounts/lost-raise-co/tokens`, { headers: operator(config) });
    const ended = listed.body.tokens as { tokenId: string; expiresAt: string }[];
    expect(ended).toHaveLength(2);
    await disableThenEnable('lost-raise-co');
    // The disable's raise emptied the live-token set; put the ended tokens back, as a raise that never
    // reached Redis would have left them.
    const redis = new Redis(config.redisUrl);
    try {
      await redis.zadd(
        activeTokensKey(config.redisPrefix, acct.accountId),
        ...ended.flatMap((t) => [new Date(t.expiresAt).getTime(), t.tokenId]),
      );
    } finally {
      redis.disconnect();
    }
    await expectCapOfTwoUsable(acct, [api2, api]);
  });

  it('lists active tokens without their values and revokes one or all', async () => {
    const acct = await createAccount(api.url, config, { name: 'many-tokens' });
    const t1 = await issueToken(api.url, acct);
    const t2 = await issueToken(api.url, acct);
    const list = await http(`${api.url}/operator/v1/accounts/many-tokens/tokens`, { headers: operator(config) });
    expect(list.body.tokens).toHaveLength(2);
    expect(Object.keys(list.body.tokens[0]).sort()).toEqual(['expiresAt', 'issuedAt', 'scopes', 'tokenId', 'via']);
    expect(list.text).not.toContain(t1);
    expect(
      (
        await http(`${api.url}/operator/v1/tokens/${list.body.tokens[0].tokenId}`, {
          method: 'DELETE',
          headers: operator(config),
        })
      ).status,
    ).toBe(204);
    expect(
      (await http(`${api.url}/operator/v1/tokens/tok_nope`, { method: 'DELETE', headers: operator(config) })).status,
    ).toBe(404);
    const all = await http(`${api.url}/operator/v1/accounts/many-tokens/tokens/revoke`, {
      method: 'POST',
      headers: operator(config),
    });
    expect(all.body.revoked).toBe(1);
    for (const t of [t1, t2])
      expect((await http(`${api2.url}/api/v1/admin/limits`, { headers: bearer(t) })).status).toBe(401);
    expect(
      (await http(`${api.url}/api/v1/probe/read`, { headers: bearer(await issueToken(api.url, acct)) })).status,
    ).toBe(200);
  });
});

describe('token records', () => {
  it('are purged by the worker once they ended longer ago than the retention period', async () => {
    const acct = await createAccount(api.url, config, { name: 'purged-co', tokenTtlSeconds: 60 });
    await issueToken(api.url, acct);
    const live = await issueToken(api.url, acct);
    await http(`${api.url}/oauth/revoke`, {
      method: 'POST',
      headers: basic(acct.clientId, acct.clientSecret),
      form: { token: live },
    });
    const worker = await startWorker(config);
    try {
      const purger = worker.app.get(TokenPurger);
      expect(await purger.purge()).toBe(0);
      // 30 days of retention (the default) plus the token's minute of life.
      worker.clock.advance(30 * 86_400_000 + 61_000);
      // Every token of this file has ended by then; this account's two among them.
      expect(await purger.purge()).toBeGreaterThanOrEqual(2);
    } finally {
      await worker.close();
    }
    const conn = await mongoose.createConnection(config.mongoUrl).asPromise();
    try {
      expect(await conn.db!.collection('tokens').countDocuments({ accountId: acct.accountId })).toBe(0);
    } finally {
      await conn.close();
    }
  });
});

describe('discovery (RFC 8414)', () => {
  it('publishes endpoints from PUBLIC_URL, not from the Host header', async () => {
    const res = await http(`${api.url}/.well-known/oauth-authorization-server`, { headers: { host: 'evil.example' } });
    expect(res.body).toMatchObject({
      issuer: 'https://api.example.test',
      token_endpoint: 'https://api.example.test/oauth/token',
      revocation_endpoint: 'https://api.example.test/oauth/revoke',
      introspection_endpoint: 'https://api.example.test/oauth/introspect',
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    });
    expect(res.text).not.toContain('evil');
  });
});

describe('secrets at rest and in logs', () => {
  it('stores no client secret or token in plain text and logs neither', async () => {
    const acct = await createAccount(api.url, config, { name: 'secret-keeper' });
    const token = await issueToken(api.url, acct);
    await http(`${api.url}/api/v1/probe/read`, { headers: bearer(token) });
    await http(`${api.url}/api/v1/probe/read?access_token=${token}`);
    await http(
      `${api.url}/Auth/login/v1/token?clientId=${acct.clientId}&clientSecret=${acct.clientSecret}&grantType=cred`,
      { method: 'POST' },
    );
    await http(`${api.url}/oauth/token`, {
      method: 'POST',
      form: { grant_type: 'client_credentials', client_id: acct.clientId, client_secret: acct.clientSecret },
    });
    const conn = await mongoose.createConnection(config.mongoUrl).asPromise();
    try {
      for (const name of ['accounts', 'tokens']) {
        const dump = JSON.stringify(await conn.db!.collection(name).find({}).toArray());
        expect(dump).not.toContain(acct.clientSecret);
        expect(dump).not.toContain(token);
        expect(dump).not.toContain(token.slice(4));
      }
    } finally {
      await conn.close();
    }
    const logs = api.logs.text();
    expect(logs).toContain('/Auth/login/v1/token');
    expect(logs).not.toContain(acct.clientSecret);
    expect(logs).not.toContain(token);
  });
});

/** Disables the account, then enables it again (the disable ends every token issued before it). */
async function disableThenEnable(name: string): Promise<void> {
  for (const status of ['disabled', 'active'])
    expect(
      (
        await http(`${api.url}/operator/v1/accounts/${name}`, {
          method: 'PATCH',
          headers: operator(config),
          json: { status },
        })
      ).status,
    ).toBe(200);
}

/**
 * An account with `maxActiveTokens: 2` gets both its tokens again (one from each instance, in the
 * order given; both work on the second), and a third is refused.
 */
async function expectCapOfTwoUsable(acct: TestAccount, [first, second]: { url: string }[]): Promise<void> {
  const fresh = [await issueToken(first.url, acct), await issueToken(second.url, acct)];
  for (const t of fresh)
    expect((await http(`${second.url}/api/v1/admin/limits`, { headers: bearer(t) })).status).toBe(200);
  const third = await tokenReq(api.url, {
    headers: basic(acct.clientId, acct.clientSecret),
    form: { grant_type: 'client_credentials' },
  });
  expect([third.status, third.body.error]).toEqual([400, 'invalid_request']);
}
