import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTollgateClient, type RetryEvent, TollgateError } from '@tollgate-sdk/client';
import { generateTypes } from '../sdk/typescript/scripts/openapi-types.mjs';
import { type ChildApp, dropStack, freePort, type RunningApi, spawnApp, startApi } from './support/apps';
import { createAccount, http, operator, type TestAccount } from './support/client';
import { TestRedisServer } from './support/redis-server';
import { processEnv, testConfig } from './support/test-config';

const ROOT = resolve(__dirname, '..');
const SDK = resolve(ROOT, 'sdk/typescript');
const run = promisify(execFile);

/** The SDK against the real API (real Redis and store), as a team adopting it would use it. */
const config = testConfig();
let api: RunningApi;
let writer: TestAccount;

const liveTokens = async (account: TestAccount) =>
  (await http(`${api.url}/operator/v1/accounts/${account.name}/tokens`, { headers: operator(config) })).body
    .tokens as unknown[];

beforeAll(async () => {
  api = await startApi(config);
  writer = await createAccount(api.url, config, { name: 'sdk-writer', scopes: ['data:read', 'data:write'] });
});
afterAll(async () => {
  await api?.close();
  await dropStack(config);
});

describe('the TypeScript SDK', () => {
  it('calls typed routes and throws errors that carry the API error codes', async () => {
    const client = createTollgateClient({
      baseUrl: api.url,
      clientId: writer.clientId,
      clientSecret: writer.clientSecret,
    });
    const created = await client.POST('/api/v1/companies', {
      body: { name: 'Summit SDK', domain: 'summit-sdk.example', country: 'FR' },
    });
    expect(created).toMatchObject({ name: 'Summit SDK', domain: 'summit-sdk.example', country: 'FR' });
    const read = await client.GET('/api/v1/companies/{id}', { params: { path: { id: created.id } } });
    expect(read.id).toBe(created.id);
    const page = await client.GET('/api/v1/companies', { params: { query: { name: 'summit sdk', pageSize: 5 } } });
    expect(page.items.map((c) => c.id)).toContain(created.id);

    const missing = await client
      .GET('/api/v1/companies/{id}', { params: { path: { id: '0'.repeat(24) } } })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(TollgateError);
    expect(missing).toMatchObject({ status: 404, code: 'not_found' });
    expect((missing as TollgateError).requestId).toMatch(/\S/);

    const invalid = (await client
      .POST('/api/v1/companies', { body: { name: 'No Domain', domain: 'not a domain' } })
      .catch((e: unknown) => e)) as TollgateError;
    expect(invalid).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(invalid.fields.map((f) => f.field)).toEqual(['domain']);

    await client.DELETE('/api/v1/companies/{id}', { params: { path: { id: created.id } } });
    const gone = (await client
      .GET('/api/v1/companies/{id}', { params: { path: { id: created.id } } })
      .catch((e: unknown) => e)) as TollgateError;
    expect(gone.code).toBe('not_found');

    const reader = await createAccount(api.url, config, { name: 'sdk-reader' });
    const readOnly = createTollgateClient({
      baseUrl: api.url,
      clientId: reader.clientId,
      clientSecret: reader.clientSecret,
    });
    const refused = (await readOnly
      .POST('/api/v1/companies', { body: { name: 'x', domain: 'x-sdk.example' } })
      .catch((e: unknown) => e)) as TollgateError;
    expect(refused).toMatchObject({ status: 403, code: 'insufficient_scope' });

    const wrongSecret = createTollgateClient({
      baseUrl: api.url,
      clientId: reader.clientId,
      clientSecret: 'tgs_wrong',
    });
    expect(await wrongSecret.GET('/api/v1/admin/limits').catch((e: unknown) => e)).toMatchObject({
      status: 401,
      code: 'invalid_client',
    });
  });

  it('shares one token between calls and replaces it before it expires', async () => {
    const account = await createAccount(api.url, config, { name: 'sdk-cache', tokenTtlSeconds: 120 });
    let now = Date.now();
    const client = createTollgateClient({
      baseUrl: api.url,
      clientId: account.clientId,
      clientSecret: account.clientSecret,
      refreshBeforeExpirySeconds: 30,
      now: () => now,
    });
    const calls = await Promise.all([
      client.GET('/api/v1/admin/limits'),
      client.GET('/api/v1/admin/limits'),
      client.GET('/api/v1/admin/limits'),
    ]);
    const first = await client.token();
    expect(new Set(calls.map((c) => c.tokenId)).size).toBe(1);
    expect(await liveTokens(account)).toHaveLength(1);

    now += 89_000; // 31 s before expiry: still the same token
    await client.GET('/api/v1/admin/limits');
    expect(await client.token()).toBe(first);
    now += 2_000; // 29 s before expiry: replaced
    const limits = await client.GET('/api/v1/admin/limits');
    expect(await client.token()).not.toBe(first);
    expect(limits.tokenId).not.toBe(calls[0].tokenId);
    expect(await liveTokens(account)).toHaveLength(2);
  });

  it('gets a new token once when the API refuses the cached one (revoked)', async () => {
    const account = await createAccount(api.url, config, { name: 'sdk-revoked' });
    const client = createTollgateClient({
      baseUrl: api.url,
      clientId: account.clientId,
      clientSecret: account.clientSecret,
    });
    const before = await client.GET('/api/v1/admin/limits');
    await http(`${api.url}/operator/v1/accounts/${account.name}/tokens/revoke`, {
      method: 'POST',
      headers: operator(config),
    });
    const after = await client.GET('/api/v1/admin/limits');
    expect(after.tokenId).not.toBe(before.tokenId);
  });

  it('can send the token in InsideView’s accessToken header', async () => {
    const account = await createAccount(api.url, config, { name: 'sdk-insideview' });
    const sent: Headers[] = [];
    const client = createTollgateClient({
      baseUrl: api.url,
      clientId: account.clientId,
      clientSecret: account.clientSecret,
      tokenHeader: 'accessToken',
      fetch: (request) => (sent.push(request.headers), fetch(request)),
    });
    const limits = await client.GET('/api/v1/admin/limits');
    expect(limits.accountId).toBe(account.accountId);
    const call = sent.at(-1)!;
    expect(call.get('accesstoken')).toBe(await client.token());
    expect(call.get('authorization')).toBeNull();
  });

  it('waits Retry-After on 429 and retries; returns the error at once when the wait exceeds the maximum', async () => {
    const account = await createAccount(api.url, config, {
      name: 'sdk-throttled',
      throttle: { limit: 1, periodSeconds: 60, lockoutSeconds: 1 },
    });
    const retries: RetryEvent[] = [];
    const client = createTollgateClient({
      baseUrl: api.url,
      clientId: account.clientId,
      clientSecret: account.clientSecret,
      onRetry: (e) => retries.push(e),
    });
    await client.GET('/api/v1/admin/limits');
    // The second call is refused (locked out for 1 s), waits, and is admitted after the lockout.
    const admitted = await client.GET('/api/v1/admin/limits');
    expect(admitted.accountId).toBe(account.accountId);
    expect(retries).toEqual([expect.objectContaining({ status: 429, attempt: 1, waitMs: 1000 })]);

    const patient = await createAccount(api.url, config, {
      name: 'sdk-locked',
      throttle: { limit: 1, periodSeconds: 60, lockoutSeconds: 300 },
    });
    const bounded = createTollgateClient({
      baseUrl: api.url,
      clientId: patient.clientId,
      clientSecret: patient.clientSecret,
      maxRetryWaitSeconds: 5,
      onRetry: (e) => retries.push(e),
    });
    await bounded.GET('/api/v1/admin/limits');
    const refused = (await bounded.GET('/api/v1/admin/limits').catch((e: unknown) => e)) as TollgateError;
    expect(refused).toBeInstanceOf(TollgateError);
    expect(refused).toMatchObject({ status: 429, code: 'throttled', retryAfter: 300 });
    expect(retries).toHaveLength(1);
  });

  it('retries a POST after a 503 the API says was not applied (Redis away, fail-closed), and it lands once', async () => {
    const redis = await TestRedisServer.start();
    const own = { ...testConfig(), redisUrl: redis.url };
    // Its own process: two apps in one process share client libraries' state, and closing one would close the other's.
    const outage = (await spawnApp(
      'api',
      processEnv(own, { THROTTLE_REDIS_FAILURE: 'fail-closed' }),
      await freePort(),
    )) as ChildApp & { url: string };
    try {
      const account = await createAccount(outage.url, own, { name: 'sdk-outage', scopes: ['data:read', 'data:write'] });
      const retries: RetryEvent[] = [];
      let restarted: Promise<void> | undefined;
      const client = createTollgateClient({
        baseUrl: outage.url,
        clientId: account.clientId,
        clientSecret: account.clientSecret,
        onRetry: (e) => {
          retries.push(e);
          restarted ??= redis.restart();
        },
      });
      await client.GET('/api/v1/admin/limits');
      await redis.kill();
      const created = await client.POST('/api/v1/companies', {
        body: { name: 'Outage Ltd', domain: 'outage-sdk.example' },
      });
      await restarted;
      expect(retries[0]).toMatchObject({ method: 'POST', status: 503 });
      const found = await client.GET('/api/v1/companies', { params: { query: { domain: 'outage-sdk.example' } } });
      expect(found.items.map((c) => c.id)).toEqual([created.id]);
    } finally {
      await outage.kill();
      await redis.stop();
      await dropStack(own, { redis: false });
    }
  });

  it('has generated types in sync with the live OpenAPI document', async () => {
    const doc = (await http(`${api.url}/docs/openapi.json`)).body;
    const generated = resolve(SDK, 'src/generated/openapi.ts');
    // To update after an API change: `UPDATE_SDK_TYPES=1 npm test -- test/sdk.e2e-spec.ts` (or, with
    // the stack running, `npm run generate -w @tollgate-sdk/client`), then commit the file.
    if (process.env.UPDATE_SDK_TYPES === '1') writeFileSync(generated, await generateTypes(doc));
    expect(await generateTypes(doc), 'sdk/typescript/src/generated/openapi.ts is out of date').toBe(
      readFileSync(generated, 'utf8'),
    );
  });

  it('builds, type-checks its typed-route probes, and runs the README example as written', async () => {
    await run(
      process.execPath,
      [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '-p', resolve(SDK, 'tsconfig.check.json')],
      { timeout: 120_000 },
    );
    await run(
      process.execPath,
      [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '-p', resolve(SDK, 'tsconfig.json')],
      { timeout: 120_000 },
    );
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    const example = /<!-- sdk-example -->\s*```(?:ts|js|typescript)\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example, 'README has the SDK example block').toBeDefined();
    expect(example!.trim().split('\n')).toHaveLength(10);
    // Inside the repository, so `@tollgate-sdk/client` resolves as it does for a project that installed it.
    mkdirSync(resolve(ROOT, '.local'), { recursive: true });
    const file = resolve(ROOT, `.local/readme-example-${process.pid}.mjs`);
    writeFileSync(file, example!);
    const demo = await createAccount(api.url, config, { name: 'sdk-readme' });
    const { stdout } = await run(process.execPath, [file], {
      timeout: 30_000,
      env: {
        PATH: process.env.PATH,
        TOLLGATE_URL: api.url,
        TOLLGATE_CLIENT_ID: demo.clientId,
        TOLLGATE_CLIENT_SECRET: demo.clientSecret,
      },
    });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^\d+ \[.*\]$/);
    expect(lines[1]).toBe('404 not_found');
  });
});
