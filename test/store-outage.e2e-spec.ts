import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompaniesModule } from '@tollgate/companies';
import {
  dropStack,
  freePort,
  startApi,
  startWorker,
  waitForUsageDrained,
  type RunningApi,
  type RunningWorker,
} from './support/apps';
import { bearer, createAccount, http, type Res, type TestAccount } from './support/client';
import { testConfig } from './support/test-config';

/**
 * The store killed and restarted under a bounded load: while it is away every answer that needs it is
 * a 503 with Retry-After (OAuth's temporarily_unavailable on the token endpoint), never a 500 and
 * never a hang; routes that need no store keep answering; when it is back the same API and worker
 * processes recover by themselves and the usage of every admitted request is recorded.
 *
 * The test runs its own FerretDB (the wrapper binary the services script builds and caches) on its
 * own port and data directory, so killing it disturbs no other test file.
 */
const ROOT = resolve(__dirname, '..');

function ferretBinary(): string | undefined {
  const cache = process.env.TOLLGATE_CACHE ?? join(homedir(), '.cache/tollgate');
  const src = join(ROOT, 'tools/ferretdb');
  if (!existsSync(join(src, 'go.mod'))) return undefined;
  // The services script's cache key: sha256sum of the sources, hashed again (first 16 hex digits).
  const files = [
    'go.mod',
    'go.sum',
    ...readdirSync(src)
      .filter((f) => f.endsWith('.go'))
      .sort()
      .map((f) => `./${f}`),
  ];
  const listing = files
    .map(
      (f) =>
        `${createHash('sha256')
          .update(readFileSync(join(src, f)))
          .digest('hex')}  ${f}\n`,
    )
    .join('');
  const key = createHash('sha256').update(listing).digest('hex').slice(0, 16);
  const bin = join(cache, `ferretdb-${key}`, 'ferretdb');
  return existsSync(bin) ? bin : undefined;
}

const BIN = ferretBinary();

class OwnFerret {
  private proc?: ChildProcess;
  constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  private running(): boolean {
    return !!this.proc && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** Starts the store unless it is running (a second process could not bind the port, and the
   *  running one would be left behind when `kill` then stops the one that failed). */
  async start(): Promise<void> {
    if (this.running()) return;
    this.proc = spawn(BIN!, ['-listen', `127.0.0.1:${this.port}`, '-dir', this.dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    this.proc.stdout!.on('data', (d) => (out += d));
    this.proc.stderr!.on('data', (d) => (out += d));
    const deadline = Date.now() + 30_000;
    while (!out.includes('listening on')) {
      if (this.proc.exitCode !== null || Date.now() > deadline) throw new Error(`ferretdb did not start: ${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async kill(): Promise<void> {
    const proc = this.proc;
    if (!proc || !this.running()) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;
  }
}

describe.skipIf(!BIN)('store outage: killed and restarted under load', () => {
  let ferret: OwnFerret;
  let dataDir: string;
  let config: ReturnType<typeof testConfig>;
  let api: RunningApi;
  let worker: RunningWorker;
  let account: TestAccount;
  let token: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tollgate-outage-'));
    ferret = new OwnFerret(await freePort(), dataDir);
    await ferret.start();
    config = testConfig('api', { MONGO_URL: `mongodb://127.0.0.1:${ferret.port}/tg_outage` });
    api = await startApi(config, { imports: [CompaniesModule] });
    worker = await startWorker(config);
    // A throttle limit the bounded load cannot reach: this test is about the store, not throttling.
    account = await createAccount(api.url, config, {
      name: 'outage-co',
      maxActiveTokens: 100,
      throttle: { limit: 1_000_000, periodSeconds: 60 },
    });
    const issued = await http(`${api.url}/oauth/token`, {
      method: 'POST',
      form: { grant_type: 'client_credentials', client_id: account.clientId, client_secret: account.clientSecret },
    });
    token = issued.body.access_token;
  }, 90_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    if (ferret) {
      await ferret.start().catch(() => undefined);
      await dropStack(config).catch(() => undefined);
      await ferret.kill();
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 (never 500, never a hang) while the store is away, keeps store-free routes up, and recovers with usage complete', async () => {
    const statuses: Record<string, number[]> = { companies: [], limits: [], token: [] };
    const slowest = { ms: 0 };
    let reconnects = 0;
    const samples: Record<string, Res> = {};
    const call = async (name: 'companies' | 'limits' | 'token') => {
      const started = Date.now();
      const send = () =>
        name === 'token'
          ? http(`${api.url}/oauth/token`, {
              method: 'POST',
              form: {
                grant_type: 'client_credentials',
                client_id: account.clientId,
                client_secret: account.clientSecret,
              },
            })
          : http(`${api.url}/api/v1/${name === 'companies' ? 'companies?pageSize=5' : 'admin/limits'}`, {
              headers: bearer(token),
            });
      let res: Res;
      try {
        res = await send();
      } catch (err) {
        // A kept-alive connection closed by the server with no answer (seen under CI load, about 30 s
        // into this test): the request is sent once more on a new connection, as HTTP clients do.
        // Anything else, or the same twice, fails the test.
        if ((err as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw err;
        reconnects++;
        res = await send();
      }
      slowest.ms = Math.max(slowest.ms, Date.now() - started);
      statuses[name].push(res.status);
      if (res.status === 503) samples[name] = res;
      if (name === 'token' && res.status === 200) {
        // Keep the account under its token cap: revoke what the load issued.
        await http(`${api.url}/oauth/revoke`, {
          method: 'POST',
          form: { token: res.body.access_token, client_id: account.clientId, client_secret: account.clientSecret },
        });
      }
    };
    let phase: 'before' | 'away' | 'back' = 'before';
    let stop = false;
    // Bounded load: four loops, each one request at a time, for the length of the scenario.
    const loops = (['companies', 'limits', 'token', 'companies'] as const).map(async (name) => {
      for (let n = 0; !stop && n < 2_000; n++) await call(name);
    });
    const outageStatuses: Record<string, number[]> = { companies: [], limits: [], token: [] };
    try {
      await new Promise((r) => setTimeout(r, 1_000));
      await ferret.kill();
      phase = 'away';
      const mark = Object.fromEntries(Object.entries(statuses).map(([k, v]) => [k, v.length]));
      // Stay away until both store routes have answered while it is away (a token loop iteration makes
      // several store calls, each waiting for server selection, so it yields few answers); bounded.
      const awayUntil = Date.now() + 20_000;
      for (let waited = 0; ; waited += 250) {
        await new Promise((r) => setTimeout(r, 250));
        const answered = (k: string) => statuses[k].slice(mark[k]).includes(503);
        if ((waited >= 6_000 && answered('companies') && answered('token')) || Date.now() > awayUntil) break;
      }
      for (const k of Object.keys(statuses)) outageStatuses[k] = statuses[k].slice(mark[k]);
      await ferret.start();
      phase = 'back';
      // Recovery without restarting anything: the same processes answer 200 again within a bound.
      const deadline = Date.now() + 30_000;
      for (;;) {
        const res = await http(`${api.url}/api/v1/companies?pageSize=1`, { headers: bearer(token) });
        statuses.companies.push(res.status);
        if (res.status === 200) break;
        expect(Date.now(), `the API did not recover within 30 s: ${res.status} ${res.text.slice(0, 200)}`).toBeLessThan(
          deadline,
        );
        await new Promise((r) => setTimeout(r, 250));
      }
      await new Promise((r) => setTimeout(r, 1_000));
    } finally {
      stop = true;
      await Promise.all(loops);
    }
    expect(phase).toBe('back');

    const all = Object.values(statuses).flat();
    expect(
      all.filter((s) => s >= 500 && s !== 503),
      'no 5xx other than 503',
    ).toEqual([]);
    expect(reconnects, 'connections closed without an answer').toBeLessThanOrEqual(2);
    expect(slowest.ms, 'every request answered within the store selection bound (no hang)').toBeLessThan(10_000);
    // While away: the store routes said 503 (with Retry-After and the documented bodies); limits kept answering 200.
    expect(outageStatuses.companies).toContain(503);
    expect(outageStatuses.token).toContain(503);
    expect(outageStatuses.limits.length).toBeGreaterThan(0);
    expect(new Set(outageStatuses.limits)).toEqual(new Set([200]));
    expect(samples.companies.body).toMatchObject({ error: 'temporarily_unavailable' });
    expect(Number(samples.companies.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(samples.token.body).toMatchObject({ error: 'temporarily_unavailable' });
    expect(samples.token.headers.get('retry-after')).toBeTruthy();
    // Back: a new token, a data page, and the token endpoint work again in the same processes.
    expect(statuses.token.at(-1)).toBe(200);
    expect(statuses.companies.at(-1)).toBe(200);

    // Usage: every request the gate admitted (the store routes' 503s included: they were admitted,
    // then failed in the handler) is in the report once the worker has caught up.
    await waitForUsageDrained(config, worker.usageQueue, 60_000);
    const today = new Date(api.clock.now()).toISOString().slice(0, 10);
    const report = await http(`${api.url}/api/v1/admin/usage?period=day&start=${today}&end=${today}`, {
      headers: bearer(token),
    });
    expect(report.status).toBe(200);
    const used = Object.fromEntries(
      (report.body.usageForAccount as { api: string; transactions: number }[]).map((u) => [u.api, u.transactions]),
    );
    const admitted = (list: number[]) => list.filter((s) => s === 200 || s === 503).length;
    expect(used.companies).toBe(admitted(statuses.companies));
    expect(used.companies).toBeGreaterThan(0);
  }, 120_000);
});
