import { spawn } from 'node:child_process';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditPurger } from '@tollgate/audit';
import { OperatorSessionsPurger } from '@tollgate/operators';
import {
  type ChildApp,
  dropStack,
  freePort,
  spawnApp,
  startApi,
  startWorker,
  type RunningApi,
  type RunningWorker,
} from './support/apps';
import { bearer, createAccount, http, issueToken, operator, type TestAccount } from './support/client';
import { processEnv, sibling, testConfig } from './support/test-config';

/**
 * Issue 18, without a browser: named operators and their roles, console sessions (cookie, CSRF,
 * sign-out, revocation, throttled sign-in) and the audit log (what is recorded, by whom, never a
 * secret; filters; the CLI's changes; the worker's retention purge). A second API runs as its own
 * process to show that revoking an operator takes effect on every instance at once.
 */
const config = testConfig('api', { AUTH_FAILURE_LIMIT: '5', AUDIT_RETENTION_DAYS: '30' });
const CLI = resolve(__dirname, '../dist/apps/cli/main.js');
let api: RunningApi;
let worker: RunningWorker;
let second: ChildApp;
let account: TestAccount;
let viewerKey: string;
let adminKey: string;

const key = (k: string) => ({ 'x-operator-key': k });

async function createOperator(name: string, role: 'admin' | 'viewer'): Promise<string> {
  const res = await http(`${api.url}/operator/v1/operators`, {
    method: 'POST',
    headers: operator(config),
    json: { name, role },
  });
  expect(res.status, res.text).toBe(201);
  expect(res.body.key).toMatch(/^tgo_[A-Za-z0-9_-]{43}$/);
  return res.body.key as string;
}

async function signIn(base: string, operatorKey: string, headers: Record<string, string> = {}) {
  const res = await http(`${base}/console/session`, { method: 'POST', headers, json: { key: operatorKey } });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return { res, cookie, csrf: res.body?.csrfToken as string };
}

async function audit(params: Record<string, string>) {
  const res = await http(`${api.url}/operator/v1/audit?${new URLSearchParams(params)}`, { headers: operator(config) });
  expect(res.status, res.text).toBe(200);
  return res.body.items as any[];
}

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, reject) => {
    const proc = spawn(process.execPath, [CLI, ...args], {
      env: processEnv(config),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += d));
    proc.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => proc.kill('SIGKILL'), 60_000);
    proc.on('error', reject);
    proc.on('close', (code) => (clearTimeout(timer), done({ code, stdout, stderr })));
  });
}

beforeAll(async () => {
  api = await startApi(config);
  worker = await startWorker(sibling(config, 'worker'));
  second = await spawnApp('api', processEnv(config), await freePort());
  account = await createAccount(api.url, config, { name: 'audited-corp', scopes: ['data:read'] });
  viewerKey = await createOperator('vera', 'viewer');
  adminKey = await createOperator('adam', 'admin');
}, 90_000);
afterAll(async () => {
  await second?.kill();
  await worker?.close();
  await api?.close();
  await dropStack(config);
});

describe('named operators and roles', () => {
  it('a viewer reads everything and gets 403 forbidden on every operator route that changes something', async () => {
    expect((await http(`${api.url}/operator/v1/accounts`, { headers: key(viewerKey) })).status).toBe(200);
    expect((await http(`${api.url}/operator/v1/accounts/audited-corp`, { headers: key(viewerKey) })).status).toBe(200);
    expect((await http(`${api.url}/operator/v1/audit`, { headers: key(viewerKey) })).status).toBe(200);
    expect((await http(`${api.url}/metrics`, { headers: { authorization: `Bearer ${viewerKey}` } })).status).toBe(200);
    // Every change route of the document, walked: none admits a viewer (signing out is the caller's own session).
    const doc = (await http(`${api.url}/docs/openapi.json`)).body;
    const changes = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(
          ([method, op]) =>
            method !== 'get' &&
            /^\/(operator|console)\//.test(path) &&
            (op.security ?? []).some((s: object) => 'operatorKey' in s),
        )
        .map(([method]) => ({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, 'audited-corp') })),
    );
    expect(changes.length).toBeGreaterThanOrEqual(9);
    const allowed: string[] = [];
    for (const { method, path } of changes) {
      if (path === '/console/session') continue;
      const withBody = method === 'POST' || method === 'PATCH';
      const res = await fetch(`${api.url}${path}`, {
        method,
        headers: { ...key(viewerKey), ...(withBody ? { 'content-type': 'application/json' } : {}) },
        body: withBody ? '{}' : undefined,
      });
      const body = (await res.json()) as { error?: string };
      if (res.status !== 403 || body.error !== 'forbidden') allowed.push(`${method} ${path}: ${res.status}`);
    }
    expect(allowed).toEqual([]);
    // The operators API is for admins, reads included; so is the queue dashboard, which can change jobs.
    expect((await http(`${api.url}/operator/v1/operators`, { headers: key(viewerKey) })).status).toBe(403);
    expect((await fetch(`${api.url}/operator/queues/api/queues`, { headers: key(viewerKey) })).status).toBe(403);
    expect((await fetch(`${api.url}/operator/queues/api/queues`, { headers: key(adminKey) })).status).toBe(200);
    // Nothing changed through the viewer.
    expect(
      (await http(`${api.url}/operator/v1/accounts/audited-corp`, { headers: operator(config) })).body.status,
    ).toBe('active');
  }, 60_000);

  it('a named admin changes things, and a wrong key is 401', async () => {
    const res = await http(`${api.url}/operator/v1/accounts/audited-corp`, {
      method: 'PATCH',
      headers: key(adminKey),
      json: { maxActiveTokens: 12 },
    });
    expect(res.status).toBe(200);
    expect((await http(`${api.url}/operator/v1/accounts`, { headers: key(`tgo_${'A'.repeat(43)}`) })).status).toBe(401);
    const list = await http(`${api.url}/operator/v1/operators`, { headers: key(adminKey) });
    expect(list.body.items.map((o: { name: string; role: string }) => `${o.name}:${o.role}`)).toEqual([
      'root:admin',
      'adam:admin',
      'vera:viewer',
    ]);
    expect(list.text).not.toContain('tgo_');
    // Names that would read as another actor, and taken names, are refused.
    expect(
      (
        await http(`${api.url}/operator/v1/operators`, {
          method: 'POST',
          headers: operator(config),
          json: { name: 'root', role: 'admin' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await http(`${api.url}/operator/v1/operators`, {
          method: 'POST',
          headers: operator(config),
          json: { name: 'adam', role: 'viewer' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await http(`${api.url}/operator/v1/operators`, {
          method: 'POST',
          headers: operator(config),
          json: { name: 'x', role: 'boss' },
        })
      ).status,
    ).toBe(400);
  });

  it("introspects any account's token with a named operator's key of either role; a wrong key sees nothing", async () => {
    const token = await issueToken(api.url, account);
    const introspect = (headers: Record<string, string>) =>
      http(`${api.url}/oauth/introspect`, { method: 'POST', headers, form: { token } });
    for (const k of [viewerKey, adminKey]) {
      const res = await introspect(key(k));
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ active: true, client_id: account.clientId });
    }
    // A key that is no operator's is no client either: 401, and nothing about the token.
    const wrong = await introspect(key(`tgo_${'B'.repeat(43)}`));
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain('active');
  });

  it('revoking an operator ends its key and its console sessions at once, on every instance', async () => {
    const key2 = await createOperator('short-lived', 'viewer');
    // The other instance knows the key (and keeps it in its copy) before the revocation.
    expect((await http(`${second.url}/operator/v1/accounts`, { headers: key(key2) })).status).toBe(200);
    const session = await signIn(second.url!, key2);
    expect(session.res.status).toBe(201);
    expect((await http(`${second.url}/operator/v1/accounts`, { headers: { cookie: session.cookie } })).status).toBe(
      200,
    );
    const revoked = await http(`${api.url}/operator/v1/operators/short-lived`, {
      method: 'DELETE',
      headers: operator(config),
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.sessionsEnded).toBe(1);
    // No wait: the next request on the other instance is refused.
    expect((await http(`${second.url}/operator/v1/accounts`, { headers: key(key2) })).status).toBe(401);
    expect((await http(`${second.url}/operator/v1/accounts`, { headers: { cookie: session.cookie } })).status).toBe(
      401,
    );
    expect(
      (await http(`${api.url}/operator/v1/operators/root`, { method: 'DELETE', headers: operator(config) })).status,
    ).toBe(409);
    expect(
      (await http(`${api.url}/operator/v1/operators/nobody-here`, { method: 'DELETE', headers: operator(config) }))
        .status,
    ).toBe(404);
  });
});

describe('console sessions', () => {
  it('signs in with an HttpOnly SameSite=Strict cookie, needs the CSRF token for changes, and signs out on the server', async () => {
    const { res, cookie, csrf } = await signIn(api.url, adminKey);
    expect(res.status).toBe(201);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(
      /^tollgate-console=tgcs_[A-Za-z0-9_-]{43}; Path=\/; Max-Age=28800; HttpOnly; SameSite=Strict$/,
    );
    expect(res.body).toMatchObject({ operator: { name: 'adam', role: 'admin' }, via: 'session' });
    expect(res.text).not.toContain(cookie.split('=')[1]);
    const who = await http(`${api.url}/console/session`, { headers: { cookie } });
    expect(who.body).toMatchObject({ operator: { name: 'adam' }, csrfToken: csrf, via: 'session' });
    expect(who.body.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const patch = (headers: Record<string, string>) =>
      http(`${api.url}/operator/v1/accounts/audited-corp`, {
        method: 'PATCH',
        headers: { cookie, ...headers },
        json: { tokenTtlSeconds: 1800 },
      });
    const noToken = await patch({});
    expect([noToken.status, noToken.body.error]).toEqual([403, 'csrf_failed']);
    expect((await patch({ 'x-csrf-token': 'not-the-token' })).status).toBe(403);
    const otherSite = await patch({ 'x-csrf-token': csrf, origin: 'https://evil.example' });
    expect([otherSite.status, otherSite.body.error]).toEqual([403, 'csrf_failed']);
    expect((await patch({ 'x-csrf-token': csrf, origin: api.url })).status).toBe(200);
    // Another site cannot sign the browser in either.
    expect((await signIn(api.url, adminKey, { origin: 'https://evil.example' })).res.status).toBe(403);
    const out = await http(`${api.url}/console/session`, {
      method: 'DELETE',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.body).toEqual({ signedOut: true });
    expect(out.headers.get('set-cookie')).toMatch(/^tollgate-console=; Path=\/; Max-Age=0; HttpOnly; SameSite=Strict$/);
    expect((await http(`${api.url}/console/session`, { headers: { cookie } })).status).toBe(401);
  });
});

describe('console session expiry', () => {
  it('ends a session after 8 hours, and the worker deletes expired ones', async () => {
    const EIGHT_HOURS = 8 * 3600_000 + 1000;
    const first = await signIn(api.url, adminKey);
    api.clock.advance(EIGHT_HOURS);
    try {
      expect((await http(`${api.url}/console/session`, { headers: { cookie: first.cookie } })).status).toBe(401);
    } finally {
      api.clock.advance(-EIGHT_HOURS);
    }
    const second = await signIn(api.url, adminKey);
    const purger = worker.app.get(OperatorSessionsPurger);
    expect(await purger.purge()).toBe(0);
    worker.clock.advance(EIGHT_HOURS);
    try {
      expect(await purger.purge()).toBeGreaterThanOrEqual(1);
    } finally {
      worker.clock.advance(-EIGHT_HOURS);
    }
    expect((await http(`${api.url}/console/session`, { headers: { cookie: second.cookie } })).status).toBe(401);
  });
});

describe('the audit log', () => {
  it('records every change once: who, what, the changed fields before and after, the request id; never a secret', async () => {
    const rid = `audit-test-${Date.now()}`;
    const patched = await http(`${api.url}/operator/v1/accounts/audited-corp`, {
      method: 'PATCH',
      headers: { ...operator(config), 'x-request-id': rid },
      json: { throttle: { limit: 7, periodSeconds: 60 } },
    });
    expect(patched.status).toBe(200);
    const rotated = await http(`${api.url}/operator/v1/accounts/audited-corp/secrets`, {
      method: 'POST',
      headers: operator(config),
      json: { graceSeconds: 60 },
    });
    expect(rotated.status).toBe(201);
    const token = await issueToken(api.url, { clientId: account.clientId, clientSecret: rotated.body.clientSecret });
    expect((await http(`${api.url}/api/v1/companies?pageSize=1`, { headers: bearer(token) })).status).toBe(200);
    // The customer revokes its own token; then an operator revokes another one by id.
    expect(
      (
        await http(`${api.url}/oauth/revoke`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${account.clientId}:${rotated.body.clientSecret}`).toString('base64')}`,
          },
          form: { token },
        })
      ).status,
    ).toBe(200);
    const other = await issueToken(api.url, { clientId: account.clientId, clientSecret: rotated.body.clientSecret });
    const tokens = await http(`${api.url}/operator/v1/accounts/audited-corp/tokens`, { headers: key(adminKey) });
    expect(
      (
        await http(`${api.url}/operator/v1/tokens/${tokens.body.tokens[0].tokenId}`, {
          method: 'DELETE',
          headers: key(adminKey),
        })
      ).status,
    ).toBe(204);
    expect(
      (await http(`${api.url}/operator/v1/accounts/audited-corp/unlock`, { method: 'POST', headers: operator(config) }))
        .status,
    ).toBe(200);

    const entries = await audit({ account: 'audited-corp' });
    const byAction = (action: string) => entries.filter((e) => e.action === action);
    const update = byAction('account.update').find((e) => e.requestId === rid);
    expect(update).toMatchObject({
      actor: 'root',
      actorKind: 'operator',
      target: { type: 'account', id: account.accountId, name: 'audited-corp' },
      accountId: account.accountId,
    });
    expect(update.changes).toEqual([
      {
        field: 'throttle',
        before: expect.objectContaining({ limit: 1000, periodSeconds: 300 }),
        after: expect.objectContaining({ limit: 7, periodSeconds: 60 }),
      },
    ]);
    // One entry per change: this request is recorded once.
    expect(entries.filter((e) => e.requestId === rid)).toHaveLength(1);
    // adam's two changes (the console session's, then the key's), newest first, each with only its field.
    expect(
      byAction('account.update')
        .filter((e) => e.actor === 'adam')
        .map((e) => e.changes.map((c: { field: string }) => c.field)),
    ).toEqual([['tokenTtlSeconds'], ['maxActiveTokens']]);
    expect(byAction('account.create')[0]).toMatchObject({
      actor: 'root',
      changes: expect.arrayContaining([{ field: 'status', before: null, after: 'active' }]),
    });
    const rotation = byAction('secret.rotate')[0];
    expect(rotation.changes.map((c: { field: string }) => c.field)).toEqual(['secrets']);
    expect(rotation.detail.secretId).toMatch(/^sec_/);
    const revocations = byAction('token.revoke');
    expect(revocations.map((e) => e.actor).sort()).toEqual(['adam', `client:${account.clientId}`]);
    expect(
      revocations.every(
        (e) => e.accountId === account.accountId && /^tok_/.test(e.target.id) && e.changes[0].field === 'revokedAt',
      ),
    ).toBe(true);
    expect(byAction('account.unlock')[0]).toMatchObject({ actor: 'root', detail: { lifted: expect.any(Number) } });
    // Never a secret, a token or a key, anywhere in the log.
    const everything = JSON.stringify(await audit({ pageSize: '200' }));
    for (const secret of [
      account.clientSecret,
      rotated.body.clientSecret,
      token,
      other,
      viewerKey,
      adminKey,
      config.operatorKey,
    ])
      expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/tgs_|tgt_|tgo_|whsec_/);
    expect(everything).not.toContain('"hash"');
  });

  it('filters by actor, action, account and time, pages, and is read-only through the API', async () => {
    const byAdam = await audit({ actor: 'adam' });
    expect(byAdam.length).toBeGreaterThan(0);
    expect(byAdam.every((e) => e.actor === 'adam')).toBe(true);
    const creates = await audit({ action: 'operator.create' });
    expect(creates.map((e) => e.target.name)).toEqual(expect.arrayContaining(['vera', 'adam', 'short-lived']));
    expect(creates[0].changes).toEqual(
      expect.arrayContaining([{ field: 'role', before: null, after: expect.any(String) }]),
    );
    expect(await audit({ since: '2999-01-01' })).toEqual([]);
    const first = await http(`${api.url}/operator/v1/audit?pageSize=2`, { headers: operator(config) });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextPage).toBe(2);
    const second = await http(`${api.url}/operator/v1/audit?pageSize=2&page=2`, { headers: operator(config) });
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(first.body.items[0].at >= first.body.items[1].at).toBe(true);
    expect(
      (await http(`${api.url}/operator/v1/audit?actor=${'x'.repeat(100)}`, { headers: operator(config) })).status,
    ).toBe(400);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await fetch(`${api.url}/operator/v1/audit`, { method, headers: operator(config) });
      expect(res.status, method).toBe(404);
    }
  });

  it("records the CLI's changes as cli:<OS user>, lists them with `audit`, and manages operators", async () => {
    // Each run is a process start (about a CPU-second): independent ones in parallel.
    const [changed, created] = await Promise.all([
      cli(['accounts', 'update', 'audited-corp', '--limit', '9', '--json']),
      cli(['operators', 'create', 'cli-made', '--role', 'viewer', '--json']),
    ]);
    expect(changed.stderr).toBe('');
    expect(changed.code).toBe(0);
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({
      name: 'cli-made',
      role: 'viewer',
      key: expect.stringMatching(/^tgo_/),
    });
    const [listed, revoked] = await Promise.all([
      cli(['audit', '--account', 'audited-corp', '--action', 'account.update', '--json']),
      cli(['operators', 'revoke', 'cli-made']),
    ]);
    expect(listed.code, listed.stderr).toBe(0);
    const entry = JSON.parse(listed.stdout).items[0];
    expect(entry).toMatchObject({ actor: `cli:${userInfo().username}`, actorKind: 'cli', action: 'account.update' });
    expect(entry.changes).toEqual([
      {
        field: 'throttle',
        before: expect.objectContaining({ limit: 7 }),
        after: expect.objectContaining({ limit: 9 }),
      },
    ]);
    expect(revoked.code, revoked.stderr).toBe(0);
    const left = await http(`${api.url}/operator/v1/operators`, { headers: operator(config) });
    expect(left.body.items.map((o: { name: string }) => o.name)).not.toContain('cli-made');
    expect((await audit({ action: 'operator.revoke' })).map((e) => e.actor)).toContain(`cli:${userInfo().username}`);
  }, 150_000);

  it('the worker purges entries older than AUDIT_RETENTION_DAYS, and only those', async () => {
    const before = (await audit({ pageSize: '200' })).length;
    expect(before).toBeGreaterThan(0);
    const purger = worker.app.get(AuditPurger);
    expect(await purger.purge()).toBe(0);
    worker.clock.advance(31 * 86_400_000);
    try {
      expect(await purger.purge()).toBe(before);
    } finally {
      worker.clock.advance(-31 * 86_400_000);
    }
    expect(await audit({})).toEqual([]);
  });
});

// Last: a throttled address is refused at every client authentication of this file's stack for the rest of the minute.
describe('sign-in throttling', () => {
  it('a wrong key is refused, recorded with its address, and the address is throttled after AUTH_FAILURE_LIMIT failures', async () => {
    const wrong = await signIn(api.url, 'not-an-operator-key');
    expect([wrong.res.status, wrong.res.body.error]).toEqual([401, 'invalid_operator_key']);
    expect(wrong.res.headers.get('set-cookie')).toBeNull();
    const entries = await audit({ action: 'operator.sign-in-failed' });
    expect(entries[0]).toMatchObject({ actor: 'anonymous', detail: { address: '127.0.0.1' } });
    expect(JSON.stringify(entries)).not.toContain('not-an-operator-key');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn(api.url, `wrong-${i}`)).res.status);
    // 5 failures in all reach the limit: the 6th attempt is refused before the key is even checked.
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const right = await signIn(api.url, adminKey);
    expect(right.res.status).toBe(429);
    expect(Number(right.res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
