import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildApp, dropStack, freePort, spawnApp, startApi, type RunningApi } from './support/apps';
import { bearer, createAccount, http, issueToken, operator, type TestAccount } from './support/client';
import { processEnv, testConfig } from './support/test-config';

/**
 * Issue 16, part A: account metadata, IP allow lists (and TRUST_PROXY), tokenLimit `revoke-oldest`
 * and the customer's token self-service, against real Redis and the real store, over two API
 * instances: one in this process (TRUST_PROXY off, the default) and one in its own process that
 * trusts the loopback proxy (TRUST_PROXY=127.0.0.1), so the same requests from 127.0.0.1 are read
 * with and without `X-Forwarded-For`.
 */
// Revoked tokens presented on purpose (the race below checks two dozen of them on each instance) are
// failed lookups, which the per-address limit counts: keep it out of the way.
const config = testConfig('api', { AUTH_FAILURE_LIMIT: '100000' });
let api: RunningApi;
/** Another API process on the same stack, trusting X-Forwarded-For from loopback. */
let proxied: ChildApp & { url: string };

const basic = (a: Pick<TestAccount, 'clientId' | 'clientSecret'>, secret = a.clientSecret) => ({
  authorization: `Basic ${Buffer.from(`${encodeURIComponent(a.clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
});
const tokenRequest = (base: string, a: Pick<TestAccount, 'clientId' | 'clientSecret'>, headers = {}, secret?: string) =>
  http(`${base}/oauth/token`, {
    method: 'POST',
    headers: { ...basic(a, secret), ...headers },
    form: { grant_type: 'client_credentials' },
  });
const insideViewToken = (base: string, a: TestAccount, headers = {}) =>
  http(`${base}/Auth/login/v1/token.json`, {
    method: 'POST',
    headers,
    form: { clientId: a.clientId, clientSecret: a.clientSecret, grantType: 'cred' },
  });
const limits = (base: string, token: string, headers = {}) =>
  http(`${base}/api/v1/admin/limits`, { headers: { ...bearer(token), ...headers } });
const patch = (name: string, json: Record<string, unknown>) =>
  http(`${api.url}/operator/v1/accounts/${name}`, { method: 'PATCH', headers: operator(config), json });
const xff = (address: string) => ({ 'x-forwarded-for': address });

beforeAll(async () => {
  api = await startApi(config);
  proxied = (await spawnApp(
    'api',
    processEnv(config, { TRUST_PROXY: '127.0.0.1', AUTH_FAILURE_LIMIT: '100000' }),
    await freePort(),
  )) as ChildApp & {
    url: string;
  };
}, 60_000);
afterAll(async () => {
  await api?.close();
  await proxied?.kill('SIGTERM');
  await dropStack(config);
});

describe('metadata', () => {
  it('is set on create, replaced on update, shown by the operator API and by introspection', async () => {
    const acct = await createAccount(api.url, config, {
      name: 'meta-corp',
      metadata: { plan: 'gold', 'crm.id': 'C-1' },
    });
    expect((acct as unknown as { metadata: unknown }).metadata).toEqual({ plan: 'gold', 'crm.id': 'C-1' });
    const updated = await patch('meta-corp', { metadata: { plan: 'silver', $region: 'eu' } });
    expect(updated.status).toBe(200);
    expect(updated.body.metadata).toEqual({ plan: 'silver', $region: 'eu' });
    const shown = await http(`${api.url}/operator/v1/accounts/meta-corp`, { headers: operator(config) });
    expect(shown.body.metadata).toEqual({ plan: 'silver', $region: 'eu' });
    // Other policy changes leave it alone.
    expect((await patch('meta-corp', { maxActiveTokens: 5 })).body.metadata).toEqual({ plan: 'silver', $region: 'eu' });

    const token = await issueToken(api.url, acct);
    const asClient = await http(`${api.url}/oauth/introspect`, {
      method: 'POST',
      headers: basic(acct),
      form: { token },
    });
    expect(asClient.body).toMatchObject({ active: true, tollgate_metadata: { plan: 'silver', $region: 'eu' } });
    const asOperator = await http(`${api.url}/oauth/introspect`, {
      method: 'POST',
      headers: operator(config),
      form: { token },
    });
    expect(asOperator.body.tollgate_metadata).toEqual({ plan: 'silver', $region: 'eu' });
  });

  it('is refused with 400 naming the field: more than 32 keys, more than 4 KiB, values that are not strings', async () => {
    const many = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 'v']));
    const thirtyTwo = Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`k${i}`, 'v']));
    const cases: unknown[] = [many, { big: 'x'.repeat(4094) }, { n: 1 }, ['a'], 'plan=gold', { '': 'empty key' }];
    for (const metadata of cases) {
      const res = await http(`${api.url}/operator/v1/accounts`, {
        method: 'POST',
        headers: operator(config),
        json: { name: 'meta-bad', metadata },
      });
      expect(res.status, JSON.stringify(metadata).slice(0, 40)).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['metadata']);
    }
    // At the limits exactly: 32 keys; 4,096 bytes of keys and values ('big' is 3 bytes).
    expect((await patch('meta-corp', { metadata: thirtyTwo })).status).toBe(200);
    expect((await patch('meta-corp', { metadata: { big: 'é'.repeat(2046) + 'x' } })).status).toBe(200);
    expect((await patch('meta-corp', { metadata: { big: 'é'.repeat(2047) } })).status).toBe(400);
  });
});

describe('allowedIps', () => {
  it('is validated (400 naming the field) and stored normalised, IPv4 and IPv6', async () => {
    for (const allowedIps of [['203.0.113.0/33'], ['example.com'], ['2001:db8::/129'], ['10.0.0.1', 7], '10.0.0.0/8']) {
      const res = await http(`${api.url}/operator/v1/accounts`, {
        method: 'POST',
        headers: operator(config),
        json: { name: 'ips-bad', allowedIps },
      });
      expect(res.status, JSON.stringify(allowedIps)).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain('allowedIps');
    }
    const acct = await createAccount(api.url, config, {
      name: 'ips-norm',
      allowedIps: ['203.0.113.77/24', '2001:DB8:0::/32', '198.51.100.7', '::ffff:192.0.2.1'],
    });
    expect((acct as unknown as { allowedIps: string[] }).allowedIps).toEqual([
      '203.0.113.0/24',
      '2001:db8::/32',
      '198.51.100.7',
      '192.0.2.1',
    ]);
  });

  it('token endpoints: 403 ip_not_allowed only after client authentication succeeded; a wrong secret stays 401', async () => {
    const acct = await createAccount(api.url, config, { name: 'ips-token', allowedIps: ['203.0.113.0/24'] });
    const refused = await tokenRequest(api.url, acct);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('ip_not_allowed');
    const wrong = await tokenRequest(api.url, acct, {}, `tgs_${'A'.repeat(43)}`);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_client');
    const unknown = await tokenRequest(api.url, { clientId: 'tgc_nobody', clientSecret: acct.clientSecret });
    expect(unknown.status).toBe(401);
    const iv = await insideViewToken(api.url, acct);
    expect(iv.status).toBe(403);
    expect(iv.body.error).toBe('ip_not_allowed');
    // Behind the trusted proxy, the address it names decides: inside the block, a token.
    expect((await tokenRequest(proxied.url, acct, xff('203.0.113.9'))).status).toBe(200);
    expect((await insideViewToken(proxied.url, acct, xff('203.0.113.10'))).status).toBe(200);
    // An address added by a write is allowed on the next request, though this process kept a copy.
    expect((await patch('ips-token', { allowedIps: ['203.0.113.0/24', '127.0.0.1'] })).status).toBe(200);
    expect((await tokenRequest(api.url, acct)).status).toBe(200);
  });

  it('protected requests: refused before anything is counted, on every instance as soon as the write returned', async () => {
    const acct = await createAccount(api.url, config, {
      name: 'ips-api',
      throttle: { limit: 5, periodSeconds: 600 },
      allowedIps: ['127.0.0.0/8', '::1'],
    });
    const token = await issueToken(api.url, acct);
    // Both instances hold a copy of the account (with the address allowed).
    expect((await limits(api.url, token)).body.remaining).toBe(4);
    expect((await limits(proxied.url, token)).body.remaining).toBe(3);

    expect((await patch('ips-api', { allowedIps: ['203.0.113.0/24'] })).status).toBe(200);
    for (const base of [proxied.url, api.url, proxied.url]) {
      const res = await limits(base, token);
      expect(res.status, base).toBe(403);
      expect(res.body.error).toBe('ip_not_allowed');
    }
    for (let i = 0; i < 5; i++) expect((await limits(api.url, token)).status).toBe(403);
    // Ten refusals later the window still holds two requests: refused requests counted nowhere.
    expect((await patch('ips-api', { allowedIps: [] })).status).toBe(200);
    expect((await limits(proxied.url, token)).body.remaining).toBe(2);
    expect((await limits(api.url, token)).body.remaining).toBe(1);
  });

  it('matches IPv6 blocks, and IPv4-mapped IPv6 addresses against IPv4 rules', async () => {
    const acct = await createAccount(api.url, config, {
      name: 'ips-six',
      allowedIps: ['2001:db8::/32', '203.0.113.0/24'],
    });
    const token = (await tokenRequest(proxied.url, acct, xff('2001:db8:1::5'))).body.access_token as string;
    expect(token).toMatch(/^tgt_/);
    expect((await limits(proxied.url, token, xff('2001:db8:ffff::1'))).status).toBe(200);
    expect((await limits(proxied.url, token, xff('2001:db9::1'))).status).toBe(403);
    expect((await limits(proxied.url, token, xff('::ffff:203.0.113.9'))).status).toBe(200);
    expect((await limits(proxied.url, token, xff('::ffff:198.51.100.1'))).status).toBe(403);
    expect((await limits(proxied.url, token, xff('203.0.113.200'))).status).toBe(200);
  });
});

describe('TRUST_PROXY', () => {
  it('an untrusted X-Forwarded-For is ignored; one from a trusted proxy names the client', async () => {
    const acct = await createAccount(api.url, config, { name: 'proxy-corp', allowedIps: ['198.51.100.0/24'] });
    // The API in this process trusts no proxy: the header is the client's own claim.
    const claimed = await tokenRequest(api.url, acct, xff('198.51.100.7'));
    expect(claimed.status).toBe(403);
    const token = (await tokenRequest(proxied.url, acct, xff('198.51.100.7'))).body.access_token as string;
    expect(token).toMatch(/^tgt_/);
    expect((await limits(api.url, token, xff('198.51.100.7'))).status).toBe(403);
    expect((await limits(proxied.url, token, xff('198.51.100.7'))).status).toBe(200);
    // The trusted proxy's own address is what it appended last; the first hop of the chain decides.
    expect((await limits(proxied.url, token, xff('10.9.9.9, 198.51.100.8'))).status).toBe(200);
    expect((await limits(proxied.url, token, xff('198.51.100.8, 10.9.9.9'))).status).toBe(403);
    expect((await limits(proxied.url, token)).status).toBe(403);
  });
});

describe('tokenLimit', () => {
  it('refuse (the default) answers 400 at the cap; revoke-oldest revokes the oldest live token instead', async () => {
    const acct = await createAccount(api.url, config, { name: 'cap-refuse', maxActiveTokens: 2 });
    expect((acct as unknown as { tokenLimit: string }).tokenLimit).toBe('refuse');
    await issueToken(api.url, acct);
    await issueToken(api.url, acct);
    const refused = await tokenRequest(api.url, acct);
    expect(refused.status).toBe(400);
    expect(refused.body.error_description).toContain('maximum of 2 active tokens');

    const evicting = await createAccount(api.url, config, {
      name: 'cap-evict',
      maxActiveTokens: 2,
      tokenLimit: 'revoke-oldest',
    });
    const first = await issueToken(api.url, evicting);
    const second = await issueToken(proxied.url, evicting);
    // Both instances have the first token's principal cached.
    expect((await limits(api.url, first)).status).toBe(200);
    expect((await limits(proxied.url, first)).status).toBe(200);
    const third = await issueToken(api.url, evicting);
    for (const base of [api.url, proxied.url]) {
      expect((await limits(base, first)).status, base).toBe(401);
      expect((await limits(base, second)).status, base).toBe(200);
      expect((await limits(base, third)).status, base).toBe(200);
    }
    const listed = await http(`${api.url}/operator/v1/accounts/cap-evict/tokens`, { headers: operator(config) });
    expect(listed.body.tokens).toHaveLength(2);
    const audit = await http(`${api.url}/operator/v1/audit?account=cap-evict&action=token.revoke`, {
      headers: operator(config),
    });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].actor).toBe(`client:${evicting.clientId}`);
  });

  it('revoke-oldest under a race of two API processes never leaves more than maxActiveTokens live tokens', async () => {
    const acct = await createAccount(api.url, config, {
      name: 'cap-race',
      maxActiveTokens: 3,
      tokenLimit: 'revoke-oldest',
      throttle: { limit: 1000, periodSeconds: 600 },
    });
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => tokenRequest(i % 2 ? proxied.url : api.url, acct)),
    );
    // Every request got a token: revoke-oldest never refuses (the tokens of a burst beyond the cap
    // are revoked by the newer ones, as if the requests had come one after the other).
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const tokens = answers.map((a) => a.body.access_token as string);
    const listed = await http(`${api.url}/operator/v1/accounts/cap-race/tokens`, { headers: operator(config) });
    expect(listed.body.tokens).toHaveLength(3);
    // And Redis agrees: exactly three of the issued tokens are admitted, on either instance.
    for (const base of [api.url, proxied.url]) {
      const statuses = await Promise.all(tokens.map(async (t) => (await limits(base, t)).status));
      expect(
        statuses.filter((s) => s === 200),
        base,
      ).toHaveLength(3);
      expect(
        statuses.filter((s) => s !== 200 && s !== 401),
        base,
      ).toEqual([]);
    }
  });
});

describe('token self-service', () => {
  it("lists the calling account's live tokens without their values, and revokes one by id (its own included)", async () => {
    const acct = await createAccount(api.url, config, { name: 'self-corp' });
    const other = await createAccount(api.url, config, { name: 'self-other' });
    const [a, b, c] = [
      await issueToken(api.url, acct),
      await issueToken(api.url, acct),
      await issueToken(api.url, acct),
    ];
    const theirs = await issueToken(api.url, other);

    const list = await http(`${api.url}/api/v1/admin/tokens`, { headers: bearer(a) });
    expect(list.status).toBe(200);
    expect(list.body.accountId).toBe(acct.accountId);
    expect(list.body.tokens).toHaveLength(3);
    for (const t of list.body.tokens) {
      expect(Object.keys(t).sort()).toEqual(['expiresAt', 'issuedAt', 'scopes', 'tokenId', 'via']);
      expect(t.tokenId).toMatch(/^tok_/);
    }
    for (const value of [a, b, c]) expect(list.text).not.toContain(value);
    const ids = list.body.tokens.map((t: { tokenId: string }) => t.tokenId);
    const idOf = async (token: string) => (await limits(api.url, token)).body.tokenId as string;
    const [idA, idB] = [await idOf(a), await idOf(b)];
    expect(ids).toEqual(expect.arrayContaining([idA, idB]));

    // Another account's token, an unknown id: the same 404, and nothing changes.
    const theirId = await idOf(theirs);
    expect(
      (await http(`${api.url}/api/v1/admin/tokens/${theirId}`, { method: 'DELETE', headers: bearer(a) })).status,
    ).toBe(404);
    expect((await limits(api.url, theirs)).status).toBe(200);
    const unknown = await http(`${api.url}/api/v1/admin/tokens/tok_nope`, { method: 'DELETE', headers: bearer(a) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('not_found');

    // Revoke b with a, on every instance before the answer.
    expect((await limits(proxied.url, b)).status).toBe(200);
    expect((await http(`${api.url}/api/v1/admin/tokens/${idB}`, { method: 'DELETE', headers: bearer(a) })).status).toBe(
      204,
    );
    expect((await limits(proxied.url, b)).status).toBe(401);
    expect((await limits(api.url, b)).status).toBe(401);
    // The token one calls with may revoke itself.
    expect(
      (await http(`${proxied.url}/api/v1/admin/tokens/${idA}`, { method: 'DELETE', headers: bearer(a) })).status,
    ).toBe(204);
    expect((await limits(api.url, a)).status).toBe(401);
    const after = await http(`${api.url}/api/v1/admin/tokens`, { headers: bearer(c) });
    expect(after.body.tokens).toHaveLength(1);
    // Both revocations are in the audit log, by the client, naming the tokens.
    const audit = await http(`${api.url}/operator/v1/audit?account=self-corp&action=token.revoke`, {
      headers: operator(config),
    });
    expect(
      audit.body.items.map((e: { actor: string; target: { id: string } }) => [e.actor, e.target.id]).sort(),
    ).toEqual(
      [
        [`client:${acct.clientId}`, idA],
        [`client:${acct.clientId}`, idB],
      ].sort(),
    );
    // Without a token, the routes are closed.
    expect((await http(`${api.url}/api/v1/admin/tokens`)).status).toBe(401);
    expect((await http(`${api.url}/api/v1/admin/tokens/${idA}`, { method: 'DELETE' })).status).toBe(401);
  });
});
