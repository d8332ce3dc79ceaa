import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../apps/cli/cli.runner';
import {
  dropStack,
  startApi,
  startWorker,
  waitForUsageDrained,
  type RunningApi,
  type RunningWorker,
} from './support/apps';
import { bearer, createAccount, http, issueToken, operator } from './support/client';
import { processEnv, sibling, testConfig } from './support/test-config';

/**
 * The operator CLI against this file's stack, with effects checked through the real API. Commands
 * run in this process through `runCli`, the function `main.ts` runs, each with its own stdout,
 * stderr, environment and working directory (a new shell in a checkout is an environment without
 * MONGO_URL and REDIS_URL, and that directory); what only a process shows (its exit status, output
 * flushed before exit, no stack trace from its last-resort handlers) is checked by spawning
 * `node dist/apps/cli/main.js` as operators run it. A spawn costs two to three CPU-seconds of
 * loading alone, which is why only those cases spawn.
 */
const MAIN = resolve(__dirname, '../dist/apps/cli/main.js');
const config = testConfig('api');
const env = processEnv(config);
let api: RunningApi;
let worker: RunningWorker;

interface Run {
  args: string[];
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One command run in this process, as `main.ts` runs it; its output and exit code. */
async function cli(
  args: string[],
  extraEnv: Record<string, string | undefined> = {},
  cwd = process.cwd(),
): Promise<Run> {
  const childEnv = { ...env, ...extraEnv };
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: childEnv,
    cwd,
  };
  // A CLI that does not finish on its own is a defect, not something to wait out.
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>(
    (_, reject) =>
      (timer = setTimeout(() => reject(new Error(`tollgate ${args.join(' ')} did not finish in 30 s`)), 30_000)),
  );
  try {
    const code = await Promise.race([runCli(args, io), hung]);
    return { args, code, stdout, stderr };
  } finally {
    clearTimeout(timer);
  }
}

/** One command as its own process: `node dist/apps/cli/main.js <args>`. */
function spawned(args: string[], extraEnv: Record<string, string | undefined> = {}, cwd?: string): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const childEnv = Object.fromEntries(Object.entries({ ...env, ...extraEnv }).filter(([, v]) => v !== undefined));
    const proc = spawn(process.execPath, [MAIN, ...args], { env: childEnv, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += d));
    proc.stderr.on('data', (d) => (stderr += d));
    // A CLI that does not exit on its own is a defect, not something to wait out.
    const timer = setTimeout(() => proc.kill('SIGKILL'), 30_000);
    proc.on('error', reject);
    proc.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ args, code, stdout, stderr });
    });
  });
}

/** Runs CLI invocations a few at a time, answers in order. */
async function batch(invocations: [string[], Record<string, string | undefined>?][], concurrency = 4): Promise<Run[]> {
  const runs: Run[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < invocations.length; i = next++) runs[i] = await cli(...invocations[i]);
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return runs;
}

/** A successful run: exit 0, nothing on stderr. */
function ok(run: Run): string {
  expect(run.stderr, run.args.join(' ')).toBe('');
  expect(run.code, run.args.join(' ')).toBe(0);
  return run.stdout;
}

/** A `--json` run: exactly one JSON document on stdout. */
const json = (run: Run) => JSON.parse(ok(run));

/** A failed run: the given exit code, one line on stderr, nothing on stdout. */
function failed(run: Run, code: number): string {
  const what = `tollgate ${run.args.join(' ')} (exit ${run.code})`;
  expect(run.stdout, what).toBe('');
  expect(run.stderr, what).toMatch(/^tollgate: [^\n]+\n$/);
  expect(run.stderr, what).not.toMatch(/\bat .+:\d+:\d+/); // no stack frame
  expect(run.code, what).toBe(code);
  return run.stderr.trim();
}

/** The value on a `label  value` line of a table. */
const field = (out: string, label: string) => new RegExp(`^${label}\\s+(\\S.*)$`, 'm').exec(out)?.[1];
const limits = (token: string) => http(`${api.url}/api/v1/admin/limits`, { headers: bearer(token) });
const tokenStatus = async (clientId: string, clientSecret: string) =>
  (
    await http(`${api.url}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
      form: { grant_type: 'client_credentials' },
    })
  ).status;

let acme: { accountId: string; clientId: string; clientSecret: string };

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  [api, worker] = await Promise.all([startApi(config), startWorker(sibling(config, 'worker'))]);
});
afterAll(async () => {
  await api?.close();
  await worker?.close();
  await dropStack(config);
});

// A spawned command is a fresh node process (two to three CPU-seconds to load); allow for a busy 2-core machine.
describe('operator CLI', { timeout: 120_000 }, () => {
  it('accounts create prints the client ID and the secret once, as a table or one JSON document; both secrets get tokens', async () => {
    const [created, table] = await Promise.all([
      cli([
        'accounts',
        'create',
        'acme-cli',
        '--limit',
        '3',
        '--period',
        '60',
        '--scope',
        'token',
        '--ttl',
        '900',
        '--max-tokens',
        '20',
        '--scopes',
        'data:read,reports',
        '--json',
      ]),
      cli(['accounts', 'create', 'table-co']),
    ]);
    acme = json(created);
    expect(acme).toMatchObject({
      name: 'acme-cli',
      status: 'active',
      tokenTtlSeconds: 900,
      maxActiveTokens: 20,
      scopes: ['data:read', 'reports'],
      throttle: { limit: 3, periodSeconds: 60, lockoutSeconds: 60, scope: 'token', warnAt: [0.8, 0.9] },
    });
    expect(acme.clientId).toMatch(/^tgc_/);
    expect(acme.clientSecret).toMatch(/^tgs_[A-Za-z0-9_-]{43}$/);
    expect(created.stdout).not.toContain('whsec_'); // the webhook key is not what create is for

    const out = ok(table);
    expect(field(out, 'name')).toBe('table-co');
    expect(field(out, 'throttle')).toBe('1000 per 300 s, lockout 300 s (scope account), warn at 80%, 90%');
    expect(out).toContain('shown only this once');
    const tableSecret = field(out, 'clientSecret')!;
    expect(tableSecret).toMatch(/^tgs_/);

    expect(await tokenStatus(acme.clientId, acme.clientSecret)).toBe(200);
    expect(await tokenStatus(field(out, 'clientId')!, tableSecret)).toBe(200);
  });

  it('accounts show, update, disable and enable act through the same services as the operator API', async () => {
    const [table, byId] = await Promise.all([
      cli(['accounts', 'show', 'acme-cli']),
      cli(['accounts', 'show', acme.accountId, '--json']),
    ]);
    const view = await http(`${api.url}/operator/v1/accounts/acme-cli`, { headers: operator(config) });
    expect(json(byId)).toEqual(view.body);
    const out = ok(table);
    expect(field(out, 'accountId')).toBe(acme.accountId);
    expect(field(out, 'throttle')).toBe('3 per 60 s, lockout 60 s (scope token), warn at 80%, 90%');
    expect(field(out, 'alertWebhookSecret')).toBe(view.body.alertWebhookSecret);
    expect(out).toMatch(/^secretId\s+createdAt\s+expiresAt$/m);
    expect(out).not.toContain(acme.clientSecret);

    // Throttle flags change only the fields given: period, lockout and scope stay.
    const updated = json(
      await cli([
        'accounts',
        'update',
        'acme-cli',
        '--limit',
        '5',
        '--ttl',
        '600',
        '--webhook',
        'https://hooks.example.com/tollgate',
        '--json',
      ]),
    );
    expect(updated).toMatchObject({
      tokenTtlSeconds: 600,
      alertWebhookUrl: 'https://hooks.example.com/tollgate',
      throttle: { limit: 5, periodSeconds: 60, lockoutSeconds: 60, scope: 'token' },
    });
    expect(updated).not.toHaveProperty('alertWebhookSecret');
    expect((await http(`${api.url}/operator/v1/accounts/acme-cli`, { headers: operator(config) })).body).toMatchObject({
      tokenTtlSeconds: 600,
      throttle: { limit: 5 },
    });

    const token = await issueToken(api.url, acme);
    expect((await limits(token)).status).toBe(200);
    expect(ok(await cli(['accounts', 'disable', 'acme-cli']))).toBe(
      `account acme-cli (${acme.accountId}) is disabled\n`,
    );
    expect((await limits(token)).status).toBe(401);
    expect(await tokenStatus(acme.clientId, acme.clientSecret)).not.toBe(200);

    expect(json(await cli(['accounts', 'enable', 'acme-cli', '--json']))).toEqual({
      accountId: acme.accountId,
      name: 'acme-cli',
      status: 'active',
    });
    // Disabling ended the tokens issued before it; after enabling, a new token works.
    expect((await limits(token)).status).toBe(401);
    expect((await limits(await issueToken(api.url, acme))).status).toBe(200);
  });

  it('secrets rotate prints the new secret once; with --grace 0 the old one stops at once', async () => {
    const rotated = json(await cli(['secrets', 'rotate', 'acme-cli', '--grace', '0', '--json']));
    expect(rotated).toMatchObject({ accountId: acme.accountId, clientId: acme.clientId });
    expect(rotated.clientSecret).toMatch(/^tgs_/);
    expect(rotated.secrets.map((s: { id: string }) => s.id)).toContain(rotated.secretId);
    expect(await tokenStatus(acme.clientId, acme.clientSecret)).toBe(401);
    expect(await tokenStatus(acme.clientId, rotated.clientSecret)).toBe(200);
    acme.clientSecret = rotated.clientSecret;
  });

  it('tokens list shows token ids (never values); tokens revoke and revoke-all take effect on the API at once', async () => {
    const [t1, t2] = [await issueToken(api.url, acme), await issueToken(api.url, acme)];
    const [table, listed] = await Promise.all([
      cli(['tokens', 'list', 'acme-cli']),
      cli(['tokens', 'list', 'acme-cli', '--json']),
    ]);
    const fromApi = await http(`${api.url}/operator/v1/accounts/acme-cli/tokens`, { headers: operator(config) });
    const list = json(listed);
    expect(list).toEqual(fromApi.body);
    expect(list.tokens.length).toBeGreaterThanOrEqual(2);
    const out = ok(table);
    expect(out).toMatch(/^tokenId\s+scopes\s+issuedAt\s+expiresAt\s+via$/m);
    for (const t of list.tokens) expect(out).toContain(t.tokenId);
    expect(out + listed.stdout).not.toContain(t1);

    const t1Id = (
      await http(`${api.url}/oauth/introspect`, { method: 'POST', headers: operator(config), form: { token: t1 } })
    ).body.jti;
    expect(list.tokens.map((t: { tokenId: string }) => t.tokenId)).toContain(t1Id);
    expect(ok(await cli(['tokens', 'revoke', t1Id]))).toBe(`token ${t1Id} revoked\n`);
    expect([(await limits(t1)).status, (await limits(t2)).status]).toEqual([401, 200]);

    const all = json(await cli(['tokens', 'revoke-all', 'acme-cli', '--json']));
    expect(all.accountId).toBe(acme.accountId);
    expect(all.revoked).toBeGreaterThanOrEqual(1);
    expect((await limits(t2)).status).toBe(401);
  });

  it('unlock lifts a throttling lockout at once', async () => {
    const token = await issueToken(api.url, acme); // 5 per 60 s, token scope
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await limits(token)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await limits(token)).status).toBe(429);
    expect(json(await cli(['unlock', 'acme-cli', '--json']))).toEqual({ accountId: acme.accountId, lifted: 1 });
    expect((await limits(token)).status).toBe(200);
  });

  it('usage and alerts show what the worker recorded, as the operator API reports it', async () => {
    await waitForUsageDrained(config, worker.usageQueue);
    const day = new Date(api.clock.now()).toISOString().slice(0, 10);
    const [usageTable, usage, alertsTable, alerts] = await batch([
      [['usage', 'acme-cli', '--period', 'day', '--start', day, '--end', day]],
      [['usage', acme.accountId, '--period', 'day', '--start', day, '--end', day, '--json']],
      [['alerts', '--account', 'acme-cli', '--page-size', '2']],
      [['alerts', '--account', 'acme-cli', '--type', 'throttle.lockout', '--json']],
    ]);
    const report = json(usage);
    expect(report).toEqual(
      (
        await http(`${api.url}/operator/v1/accounts/acme-cli/usage?period=day&start=${day}&end=${day}`, {
          headers: operator(config),
        })
      ).body,
    );
    const admin = report.usageForAccount.find((u: { api: string }) => u.api === 'admin');
    // Admitted requests only: 2 in the disable/enable test (one per token), 1 with the second token, 6 around the unlock.
    expect(admin.transactions).toBe(9);
    expect(report.usageForTokens).toHaveLength(4);
    const out = ok(usageTable);
    // The account's own routes spend no credits.
    expect(out).toMatch(new RegExp(`^${day}\\s+admin\\s+${admin.transactions}\\s+0$`, 'm'));
    expect(out).toMatch(/^month\s+allocatedCredits\s+consumedCredits$/m);

    const lockouts = json(alerts);
    expect(lockouts).toEqual(
      (
        await http(`${api.url}/operator/v1/alerts?account=acme-cli&type=throttle.lockout`, {
          headers: operator(config),
        })
      ).body,
    );
    expect(lockouts.items).toHaveLength(1);
    expect(lockouts.items[0]).toMatchObject({ accountId: acme.accountId, type: 'throttle.lockout', api: 'admin' });
    // Newest first, two per page: the lockout and the 90% warning, then a pointer to page 2 (the 80% one).
    const alertLines = ok(alertsTable);
    expect(alertLines).toMatch(/^at\s+type\s+accountId\s+api\s+threshold\s+count\s+limit\s+period$/m);
    expect(alertLines).toMatch(new RegExp(`throttle\\.lockout\\s+${acme.accountId}\\s+admin\\s+1\\s+5\\s+5`));
    expect(alertLines).toMatch(new RegExp(`throttle\\.warning\\s+${acme.accountId}\\s+admin\\s+0\\.9\\s+5\\s+5`));
    expect(alertLines).not.toMatch(/throttle\.warning\s+\S+\s+admin\s+0\.8\s/);
    expect(alertLines).toContain('more with --page 2');
  });

  it('accounts list finds accounts by name prefix and status; accounts delete ends their tokens and frees nothing', async () => {
    // Created through the API (creating is tested above): each CLI run costs a process start.
    const [leaving] = await Promise.all([
      createAccount(api.url, config, { name: 'acme-leaving' }),
      createAccount(api.url, config, { name: 'acme-staying' }),
    ]);
    const token = await issueToken(api.url, leaving);
    expect((await limits(token)).status).toBe(200);

    const [table, listed, unconfirmed, invalid] = await batch([
      [['accounts', 'list', '--search', 'acme', '--page-size', '2']],
      [['accounts', 'list', '--search', 'ACME', '--json']],
      [['accounts', 'delete', 'acme-leaving']],
      [['accounts', 'list', '--status', 'gone', '--page-size', '500']],
    ]);
    expect(json(listed)).toEqual(
      (await http(`${api.url}/operator/v1/accounts?search=acme`, { headers: operator(config) })).body,
    );
    expect(json(listed).items.map((a: { name: string }) => a.name)).toEqual([
      'acme-cli',
      'acme-leaving',
      'acme-staying',
    ]);
    const out = ok(table);
    expect(out).toMatch(/^name\s+accountId\s+clientId\s+status\s+scopes\s+createdAt$/m);
    expect(out).toMatch(
      new RegExp(`^acme-leaving\\s+${leaving.accountId}\\s+${leaving.clientId}\\s+active\\s+data:read\\s`, 'm'),
    );
    expect(out).toContain('1-2 of 3; more with --page 2');
    // Bad input and a delete without --yes fail before any store call.
    expect(failed(unconfirmed, 2)).toBe(
      'tollgate: deleting acme-leaving cannot be undone; run again with --yes to confirm',
    );
    expect(failed(invalid, 2)).toBe(
      'tollgate: invalid --status: --status must be one of active, disabled, deleted; --page-size: --page-size must not be greater than 100',
    );
    expect((await limits(token)).status).toBe(200);

    expect(ok(await cli(['accounts', 'delete', 'acme-leaving', '--yes']))).toBe(
      `account acme-leaving (${leaving.accountId}) is deleted; its tokens no longer work\n`,
    );
    expect((await limits(token)).status).toBe(401);
    expect(await tokenStatus(leaving.clientId, leaving.clientSecret)).toBe(401);
    const [deleted, show] = await batch([
      [['accounts', 'list', '--status', 'deleted', '--json']],
      [['accounts', 'show', 'acme-leaving']],
    ]);
    expect(json(deleted).items).toEqual([
      expect.objectContaining({ accountId: leaving.accountId, name: 'acme-leaving', status: 'deleted' }),
    ]);
    expect(failed(show, 3)).toBe('tollgate: account "acme-leaving" not found');
    expect(
      (
        await http(`${api.url}/operator/v1/accounts`, {
          method: 'POST',
          headers: operator(config),
          json: { name: 'acme-leaving' },
        })
      ).status,
    ).toBe(409);
  });

  it('finds the local stack by itself in a new shell (no MONGO_URL or REDIS_URL), and says what to do when its servers are gone', async () => {
    // A checkout as `npm run stack` leaves it: its recorded settings and its generated pepper.
    const root = mkdtempSync(join(tmpdir(), 'tg-stack-'));
    mkdirSync(join(root, '.local/stack'), { recursive: true });
    writeFileSync(join(root, '.local/secret-pepper'), `${config.secretPepper}\n`);
    writeFileSync(join(root, '.local/operator-key'), `${config.operatorKey}\n`);
    const record = (mongo: string, redis: string) =>
      writeFileSync(
        join(root, '.local/stack/env'),
        `export REDIS_URL=${redis}\nexport MONGO_URL=${mongo}\nexport REDIS_PREFIX=${config.redisPrefix}\nexport PUBLIC_URL=${api.url}\n`,
      );
    const newShell = {
      MONGO_URL: undefined,
      REDIS_URL: undefined,
      REDIS_PREFIX: undefined,
      SECRET_PEPPER: undefined,
      OPERATOR_KEY: undefined,
    };
    record(config.mongoUrl, config.redisUrl);
    const [show, rotate] = await Promise.all([
      cli(['accounts', 'show', 'acme-cli', '--json'], newShell, root),
      cli(['secrets', 'rotate', 'acme-cli', '--json'], newShell, root),
    ]);
    expect(json(show)).toMatchObject({ accountId: acme.accountId, name: 'acme-cli', clientId: acme.clientId });
    // Its pepper came from the checkout too: a secret rotated through the CLI works on the API.
    const rotated = json(rotate);
    expect(await tokenStatus(acme.clientId, rotated.clientSecret)).toBe(200);
    acme.clientSecret = rotated.clientSecret;

    record('mongodb://127.0.0.1:9/nowhere', config.redisUrl);
    const gone = await cli(['accounts', 'show', 'acme-cli'], { ...newShell, STARTUP_TIMEOUT_MS: '1000' }, root);
    expect(failed(gone, 5)).toBe(
      `tollgate: cannot reach mongo at mongodb://127.0.0.1:9/nowhere after 1 s (settings from ${join(root, '.local/stack/env')}: is the stack running? start it with \`npm run stack\`)`,
    );
  });

  it('fails with one line on stderr and a telling exit code, and never prints a secret or a stack', async () => {
    const cases: [string[], Record<string, string | undefined>, number, string][] = [
      [['accounts', 'show', 'nobody'], {}, 3, 'tollgate: account "nobody" not found'],
      [
        ['accounts', 'create', 'Bad Name', '--ttl', '5', '--limit', '0'],
        {},
        2,
        'tollgate: invalid name: name must be 3 to 64 of a-z 0-9 -; --ttl: --ttl must not be less than 60; --limit: --limit must not be less than 1',
      ],
      [['accounts', 'create', 'acme-cli'], {}, 4, 'tollgate: an account named "acme-cli" already exists'],
      [
        ['accounts', 'update', 'acme-cli', '--webhook', 'http://127.0.0.1:9/hook'],
        {},
        2,
        'tollgate: invalid --webhook: --webhook targets a loopback, link-local or private address',
      ],
      [['accounts', 'create', 'x-name', '--bogus'], {}, 2, "tollgate: unknown option '--bogus'"],
      [['acounts', 'list'], {}, 2, "tollgate: unknown command 'acounts' (Did you mean accounts?)"],
      [
        ['accounts', 'bogus'],
        {},
        2,
        "tollgate: unknown command 'accounts bogus' (accounts commands: create, list, show, update, disable, enable, delete)",
      ],
      [
        ['usage', 'acme-cli', '--period', 'week', '--start', '2026-01-01', '--end', '2026-01-02'],
        {},
        2,
        'tollgate: invalid --period: --period must be one of hour, day, month, year',
      ],
      [
        ['unlock', 'acme-cli'],
        { MONGO_URL: 'mongodb://127.0.0.1:9/nowhere', STARTUP_TIMEOUT_MS: '1000' },
        5,
        'tollgate: cannot reach mongo at mongodb://127.0.0.1:9/nowhere after 1 s',
      ],
      [
        ['unlock', 'acme-cli'],
        { MONGO_URL: undefined, REDIS_URL: 'http://localhost' },
        5,
        'tollgate: invalid configuration: MONGO_URL is required; REDIS_URL must use redis: or rediss: (got http://localhost/)',
      ],
    ];
    const runs = await batch(cases.map(([args, extraEnv]) => [args, extraEnv]));
    expect(runs.map((run, i) => failed(run, cases[i][2]))).toEqual(cases.map((c) => c[3]));
    // The same from a process of its own, for a failure a command reports and one commander does.
    const processes = await Promise.all([0, 4].map((i) => spawned(cases[i][0], cases[i][1])));
    expect(processes.map((run, n) => failed(run, cases[[0, 4][n]][2]))).toEqual([cases[0][3], cases[4][3]]);
    const everything = [...runs, ...processes].map((r) => r.stdout + r.stderr).join('');
    expect(everything).not.toMatch(/tgs_|whsec_/);
    expect(everything).not.toContain(config.secretPepper);
  });

  it('prints help on stdout and exits 0', async () => {
    const [run, fromProcess] = await Promise.all([
      cli(['accounts', 'create', '--help']),
      spawned(['accounts', 'create', '--help']),
    ]);
    const help = ok(run);
    expect(ok(fromProcess)).toBe(help);
    expect(help).toContain('Usage: tollgate accounts create [options] <name>');
    for (const flag of [
      '--limit <n>',
      '--period <seconds>',
      '--lockout <seconds>',
      '--scope <account|token>',
      '--ttl <seconds>',
      '--max-tokens <n>',
      '--scopes <a,b>',
      '--webhook <url>',
      '--json',
    ]) {
      expect(help).toContain(flag);
    }
  });
});
