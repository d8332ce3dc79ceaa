import { settings } from './bench-settings';
import type { LoadClient } from './load-client';
import type { LoadSummary, LoadTarget } from './load-generator';
import { bearer, NEVER_TRIPS, runSeed, type Server, startWorker } from './stack';
import type { BenchAccount, StackClient } from './stack-client';

/**
 * The store-bound paths (issue 12), on the local default store with the seeded dataset:
 *   a. data lists, pageSize=20: one client (p50) and 32 connections (throughput, slowest request);
 *   b. token issuance with 8 connections, across many accounts and for one account up to its cap;
 *   c. an account whose 5,000 tokens each made a request: time from the end of that load until its
 *      usage report is complete, while another client's calls keep being answered.
 */

/** A company of the seeded sample (ids are fixed: see sampleId) and a name prefix it has. */
const SAMPLE_COMPANY = '65920080c0' + (7).toString(16).padStart(14, '0');

export const DATA_LISTS: { name: string; path: string }[] = [
  { name: 'companies', path: '/api/v1/companies?pageSize=20' },
  { name: 'companies, page 200', path: '/api/v1/companies?pageSize=20&page=200' },
  { name: 'companies ?name=sum', path: '/api/v1/companies?pageSize=20&name=sum' },
  { name: 'companies ?name=summit (longer prefix)', path: '/api/v1/companies?pageSize=20&name=summit' },
  { name: 'companies ?country=JP', path: '/api/v1/companies?pageSize=20&country=JP' },
  { name: 'companies ?industry=Software', path: '/api/v1/companies?pageSize=20&industry=Software' },
  { name: 'contacts', path: '/api/v1/contacts?pageSize=20' },
  { name: 'contacts ?companyId=…', path: `/api/v1/contacts?pageSize=20&companyId=${SAMPLE_COMPANY}` },
];

export interface DataListResult {
  name: string;
  single: LoadSummary;
  loaded: LoadSummary;
}

export interface IssuanceResult {
  manyAccounts: LoadSummary & { accounts: number };
  oneAccount: LoadSummary & { cap: number; issued: number; beyondCap: number };
}

export interface ManyTokensResult {
  tokens: number;
  requests: LoadSummary;
  reportCompleteMs: number;
  reported: number;
  probe: { calls: number; failed: number; maxMs: number };
}

const form = 'grant_type=client_credentials';
/** Each figure as soon as it is measured: a later phase that fails or stalls does not lose it. */
const progress = (line: string) => process.stderr.write(`bench:   ${line}\n`);
const basic = (a: BenchAccount) => ({
  authorization: `Basic ${Buffer.from(`${encodeURIComponent(a.clientId)}:${encodeURIComponent(a.clientSecret)}`).toString('base64')}`,
  'content-type': 'application/x-www-form-urlencoded',
});

export async function seedDataset(): Promise<string> {
  return (await runSeed()).split('\n')[0];
}

export async function measureDataLists(load: LoadClient, client: StackClient, api: Server): Promise<DataListResult[]> {
  const token = await client.issueToken(
    await client.createAccount('bench-data', NEVER_TRIPS, { scopes: ['data:read'] }),
  );
  const out: DataListResult[] = [];
  for (const list of DATA_LISTS) {
    const url = `${api.url}${list.path}`;
    const headers = bearer(token);
    if (settings.warmupS) await load.run([{ url, connections: 4, duration: 1, headers }]);
    const [single] = await load.run([{ url, connections: 1, duration: settings.durationS, headers }]);
    const [loaded] = await load.run([{ url, connections: 32, duration: settings.durationS, headers }]);
    out.push({ name: list.name, single, loaded });
    progress(
      `data list ${list.name}: 1 client p50 ${single.p50Ms} ms; 32 connections ${Math.round(loaded.rps)} req/s, p99 ${loaded.p99Ms} ms, max ${loaded.maxMs} ms, ${loaded.non2xx + loaded.errors} not 2xx`,
    );
  }
  return out;
}

export async function measureIssuance(load: LoadClient, client: StackClient, api: Server): Promise<IssuanceResult> {
  const accounts: BenchAccount[] = [];
  for (let i = 0; i < 64; i++)
    accounts.push(await client.createAccount(`bench-issue-${i}`, NEVER_TRIPS, { maxActiveTokens: 10_000 }));
  const url = `${api.url}/oauth/token`;
  const requests = accounts.map((a) => ({ method: 'POST' as const, headers: basic(a), body: form }));
  await load.run([{ url, connections: 8, duration: 1, requests }]);
  const [many] = await load.run([{ url, connections: 8, duration: settings.durationS, requests }]);
  progress(
    `issuance, ${accounts.length} accounts: ${Math.round(many.rps)} tokens/s, p50 ${many.p50Ms} ms, p99 ${many.p99Ms} ms, ${many.non2xx + many.errors} not 2xx`,
  );

  const cap = 1_000;
  const one = await client.createAccount('bench-issue-cap', NEVER_TRIPS, { maxActiveTokens: cap });
  const [capped] = await load.run([
    { url, connections: 8, amount: cap + 200, method: 'POST', headers: basic(one), body: form },
  ]);
  progress(
    `issuance, one account to its cap of ${cap}: ${Math.round(capped.rps)} tokens/s, ${capped.ok} issued, statuses ${JSON.stringify(capped.statusCounts)}`,
  );
  return {
    manyAccounts: { ...many, accounts: accounts.length },
    oneAccount: { ...capped, cap, issued: capped.ok, beyondCap: Math.max(0, capped.ok - cap) },
  };
}

/**
 * 5,000 tokens of one account each make one request; then the usage report is polled until it counts
 * all of them, while a probe client keeps calling a store-backed route (token issuance of another
 * account) and records its slowest answer.
 */
export async function measureManyTokens(load: LoadClient, client: StackClient, api: Server): Promise<ManyTokensResult> {
  const count = 5_000;
  const account = await client.createAccount('bench-5000', NEVER_TRIPS, { maxActiveTokens: count });
  const tokens: string[] = [];
  while (tokens.length < count)
    tokens.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, count - tokens.length) }, () => client.issueToken(account)),
      )),
    );
  const prober = await client.createAccount('bench-probe-store', NEVER_TRIPS, { maxActiveTokens: 10_000 });
  const worker = await startWorker('worker-5000');
  const probe = { calls: 0, failed: 0, maxMs: 0 };
  let probing = true;
  const probeLoop = (async () => {
    while (probing) {
      const started = performance.now();
      const res = await fetch(`${api.url}/oauth/token`, {
        method: 'POST',
        headers: basic(prober),
        body: form,
        signal: AbortSignal.timeout(30_000),
      }).catch(() => undefined);
      await res?.text();
      probe.calls++;
      if (res?.status !== 200) probe.failed++;
      probe.maxMs = Math.max(probe.maxMs, performance.now() - started);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    // One request per token: eight runs side by side, each over its own slice of the tokens.
    const slices: LoadTarget[] = Array.from({ length: 8 }, (_, i) => {
      const mine = tokens.filter((_, j) => j % 8 === i);
      return {
        url: `${api.url}/api/v1/admin/limits`,
        connections: 1,
        amount: mine.length,
        requests: mine.map((t) => ({ headers: bearer(t) })),
      };
    });
    const results = await load.run(slices);
    const ended = performance.now();
    progress(
      `5,000 tokens made one request each: ${results.reduce((n, r) => n + r.ok, 0)} answered 2xx; waiting for the usage report ...`,
    );
    const requests = results.reduce((a, r) => ({
      ...a,
      ok: a.ok + r.ok,
      non2xx: a.non2xx + r.non2xx,
      errors: a.errors + r.errors,
      p99Ms: Math.max(a.p99Ms, r.p99Ms),
      maxMs: Math.max(a.maxMs, r.maxMs),
    }));
    let reported = 0;
    const deadline = ended + 60_000;
    while (performance.now() < deadline) {
      reported = await client.usageTotal(account.accountId);
      if (reported >= count) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return {
      tokens: count,
      requests,
      reportCompleteMs: reported >= count ? performance.now() - ended : Number.NaN,
      reported,
      probe,
    };
  } finally {
    probing = false;
    await probeLoop;
    await worker.stop();
  }
}
