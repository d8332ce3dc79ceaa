import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { BenchProcess } from './bench-process';
import type { CpuShare } from './cpu-meter';
import { fixed, int, ms, renderTable, type Row } from './bench-report';
import { settings } from './bench-settings';
import { LoadClient } from './load-client';
import { measureOverAdmission, measureQuotaOvershoot, type OverAdmission } from './over-admission-phase';
import {
  BARE_ROUTE,
  BASELINE_ROUTE,
  bearer,
  cleanStack,
  expectStatus,
  LOG_DIR,
  NEVER_TRIPS,
  OPERATOR_KEY,
  OUT_DIR,
  redisVersion,
  ROUTE,
  seedBaselineToken,
  type Server,
  startApi,
  startBenchApp,
} from './stack';
import { StackClient } from './stack-client';
import { type AppThroughput, measureThroughput, type Ratio, ratio } from './throughput-phase';
import { measureUsagePipeline, type PipelineResult } from './usage-pipeline-phase';
import {
  type DataListResult,
  type IssuanceResult,
  type ManyTokensResult,
  measureDataLists,
  measureIssuance,
  measureManyTokens,
  seedDataset,
} from './store-phase';

/**
 * `npm run bench`: the throttling benchmark (issue 4) and the usage pipeline's freshness and speed
 * (issue 5), measured in one run so that every ratio compares numbers taken on the same machine,
 * services and build. Started by scripts/bench.sh, which brings up Redis and the Mongo server and
 * compiles apps, libs and bench into .local/bench/dist (this file runs from there).
 *
 *   1. the real API's protected route against the same route in a bench app with no guard;
 *   2. the same against a baseline (passport-http-bearer + Mongo lookup, @nestjs/throttler + Redis);
 *   3. over-admission: a burst of concurrent requests on one token across two API processes;
 *   4. the usage pipeline with one and then two workers: aggregation rate, catch-up, lag, backlog;
 *   5. the store-bound paths on the seeded dataset: data lists, token issuance, a 5,000-token account's
 *      usage report (store-phase.ts). `BENCH_PHASES=store` runs only this one.
 *
 * Every phase is bounded (fixed durations, bounded waits); the load generator (autocannon) runs in
 * its own process. Everything listens on and targets 127.0.0.1 only.
 */

interface BenchResult {
  at: string;
  runtimeS: number;
  machine: { cores: number; cpu: string; node: string; redis: string; mongo: string };
  settings: typeof settings;
  protected: AppThroughput;
  bare: AppThroughput;
  baseline: AppThroughput;
  ratios: { protectedOverBare: Ratio; oursOverBaseline: Ratio };
  /** Machine CPU during phases 1-2: the bench's processes, everything else, idle. */
  cpuDuringThroughput?: CpuShare;
  overAdmission: OverAdmission;
  quotaOvershoot: OverAdmission;
  usage: PipelineResult[];
  store?: { seed: string; dataLists: DataListResult[]; issuance: IssuanceResult; manyTokens: ManyTokensResult };
}

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** The baseline's one dependency beyond the product's own; fail before spending minutes. */
function checkBaselineDependency(): void {
  try {
    require.resolve('@nestjs/throttler');
  } catch {
    throw new Error('the baseline needs @nestjs/throttler (a devDependency): run npm install');
  }
}

async function machine(): Promise<BenchResult['machine']> {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    redis: await redisVersion(),
    mongo: process.env.MONGO_SERVER ?? 'unknown',
  };
}

async function run(load: LoadClient): Promise<BenchResult> {
  const startedAt = Date.now();
  const servers: Server[] = [];
  try {
    log('starting the API, the bare app and the baseline ...');
    const api = await startApi('api-1');
    servers.push(api);
    const bare = await startBenchApp('bare');
    servers.push(bare);
    const baseline = await startBenchApp('baseline');
    servers.push(baseline);

    const client = new StackClient(api.url, OPERATOR_KEY);
    const store = async () => {
      log('5/5 store-bound paths: seeding the sample dataset ...');
      const seed = await seedDataset();
      log('5/5 data lists (1 and 32 connections) ...');
      const dataLists = await measureDataLists(load, client, api);
      log('5/5 token issuance (8 connections) ...');
      const issuance = await measureIssuance(load, client, api);
      log('5/5 an account with 5,000 tokens: usage report completeness ...');
      const manyTokens = await measureManyTokens(load, client, api);
      return { seed, dataLists, issuance, manyTokens };
    };
    if (process.env.BENCH_PHASES === 'store')
      return {
        at: new Date(startedAt).toISOString(),
        runtimeS: 0,
        machine: await machine(),
        settings,
        store: await store(),
      } as unknown as BenchResult;
    const token = await client.issueToken(await client.createAccount('bench-protected', NEVER_TRIPS));
    const baselineToken = await seedBaselineToken();
    await expectStatus(`${api.url}${ROUTE}`, bearer(token), 200, 'protected route');
    await expectStatus(`${bare.url}${BARE_ROUTE}`, {}, 200, 'bare route');
    await expectStatus(
      `${baseline.url}${BASELINE_ROUTE}`,
      bearer(`bl_${'x'.repeat(43)}`),
      401,
      'baseline with an unknown token',
    );
    await expectStatus(`${baseline.url}${BASELINE_ROUTE}`, bearer(baselineToken), 200, 'baseline route');

    log(
      `1-2/4 protected, bare and baseline: ${settings.rounds} rounds of ${settings.durationS} s each, ${settings.connections} connections ...`,
    );
    const { apps: tp, cpu } = await measureThroughput(load, [
      { name: 'protected', server: api, url: `${api.url}${ROUTE}`, headers: bearer(token) },
      { name: 'bare', server: bare, url: `${bare.url}${BARE_ROUTE}`, headers: {} },
      { name: 'baseline', server: baseline, url: `${baseline.url}${BASELINE_ROUTE}`, headers: bearer(baselineToken) },
    ]);
    await bare.proc.stop();
    await baseline.proc.stop();

    log('3/4 over-admission burst on two API processes ...');
    const api2 = await startApi('api-2');
    servers.push(api2);
    const overAdmission = await measureOverAdmission(load, client, [api.url, api2.url]);
    const quotaOvershoot = await measureQuotaOvershoot(load, client, [api.url, api2.url]);
    await api2.proc.stop();

    const usage: PipelineResult[] = [];
    for (const workers of [1, 2]) {
      log(`4/4 usage pipeline with ${workers} worker${workers > 1 ? 's' : ''} ...`);
      usage.push(await measureUsagePipeline(load, client, workers));
    }

    const storeResult = await store();
    const [protectedRun, bareRun, baselineRun] = ['protected', 'bare', 'baseline'].map((n) => tp.get(n)!);
    return {
      at: new Date(startedAt).toISOString(),
      runtimeS: (Date.now() - startedAt) / 1000,
      machine: await machine(),
      settings,
      protected: protectedRun,
      bare: bareRun,
      baseline: baselineRun,
      ratios: { protectedOverBare: ratio(protectedRun, bareRun), oursOverBaseline: ratio(protectedRun, baselineRun) },
      cpuDuringThroughput: cpu,
      overAdmission,
      quotaOvershoot,
      usage,
      store: storeResult,
    };
  } finally {
    for (const s of servers) await s.proc.stop();
  }
}

function storeRows(st: NonNullable<BenchResult['store']>): Row[] {
  const rows: Row[] = [];
  for (const d of st.dataLists) {
    const bad = d.loaded.non2xx + d.loaded.errors + d.loaded.timeouts + d.single.non2xx + d.single.errors;
    rows.push({
      section: '5',
      measure: `data list ${d.name}: 1 client p50 / 32 connections req/s, p99, max`,
      value: `${ms(d.single.p50Ms)} / ${int(d.loaded.rps)} req/s, p99 ${ms(d.loaded.p99Ms)}, max ${ms(d.loaded.maxMs)}${bad ? `, ${bad} not 2xx` : ''}`,
      target: 'p50 <= 20 ms, >= 300 req/s, max < 1 s',
      met: d.single.p50Ms <= 20 && d.loaded.rps >= 300 && d.loaded.maxMs < 1000 && bad === 0,
    });
  }
  const { manyAccounts: many, oneAccount: one } = st.issuance;
  rows.push(
    {
      section: '5',
      measure: `token issuance, 8 connections, ${many.accounts} accounts`,
      value: `${int(many.rps)} tokens/s, p50 ${ms(many.p50Ms)}, p99 ${ms(many.p99Ms)}${many.non2xx + many.errors ? `, ${many.non2xx + many.errors} not 2xx` : ''}`,
      target: '>= 1,000 tokens/s',
      met: many.rps >= 1000 && many.non2xx + many.errors === 0,
    },
    {
      section: '5',
      measure: `token issuance, 8 connections, one account to its cap of ${int(one.cap)} (then 200 more)`,
      value: `${int(one.rps)} tokens/s, ${int(one.issued)} issued, ${one.beyondCap} beyond the cap`,
      target: '>= 1,000 tokens/s, 0 beyond',
      met: one.rps >= 1000 && one.beyondCap === 0 && one.issued === one.cap,
    },
  );
  const mt = st.manyTokens;
  rows.push({
    section: '5',
    measure: `${int(mt.tokens)} tokens of one account, one request each: usage report complete after the load (another client's calls: slowest, failed)`,
    value: `${Number.isNaN(mt.reportCompleteMs) ? `incomplete (${int(mt.reported)})` : ms(mt.reportCompleteMs)}; probe ${ms(mt.probe.maxMs)}, ${mt.probe.failed}/${mt.probe.calls} failed`,
    target: '<= 10 s, store answering',
    met: mt.reportCompleteMs <= 10_000 && mt.probe.failed === 0,
  });
  return rows;
}

function report(r: BenchResult): string {
  if (!r.protected && r.store) return renderTable(storeRows(r.store));
  const app = (t: AppThroughput) =>
    `${int(t.rps)} req/s  p50 ${ms(t.p50Ms)}  p99 ${ms(t.p99Ms)}  CPU ${int(t.cpuUsPerRequest)} us/req${t.rssMiB ? `  RSS ${int(t.rssMiB)} MiB` : ''}`;
  const spread = (x: Ratio, unit = '') =>
    `${fixed(x.median)}${unit}  (rounds ${fixed(x.min)}-${fixed(x.max)}; by CPU/req ${fixed(x.byCpu)}${unit})`;
  const { protectedOverBare: pb, oursOverBaseline: ob } = r.ratios;
  const rows: Row[] = [
    {
      section: '1',
      measure: `protected: GET ${ROUTE}, real API (bearer guard + admission script)`,
      value: app(r.protected),
    },
    { section: '1', measure: `bare: GET ${BARE_ROUTE}, same app and answer, @Public() (no guard)`, value: app(r.bare) },
    {
      section: '1',
      measure: 'protected / bare throughput',
      value: spread(pb),
      target: '>= 0.60',
      met: pb.median >= 0.6,
    },
    {
      section: '2',
      measure: `baseline: GET ${BASELINE_ROUTE}, passport-http-bearer + Mongo, @nestjs/throttler + Redis`,
      value: app(r.baseline),
    },
    {
      section: '2',
      measure: 'ours / baseline throughput',
      value: spread(ob, 'x'),
      target: '>= 2x',
      met: ob.median >= 2,
    },
  ];
  for (const b of [r.overAdmission, r.quotaOvershoot]) {
    const codes = Object.entries(b.statusCounts)
      .map(([code, n]) => `${int(n)} x ${code}`)
      .join(', ');
    rows.push({
      section: '3',
      measure:
        b.kind === 'throttle'
          ? `successes beyond limit ${b.limit}: ${int(b.burst)} concurrent requests, one token, ${b.apis} APIs`
          : `hard quota overshoot, quota ${b.limit}/day: ${int(b.burst)} concurrent requests, ${b.tokens} tokens, ${b.apis} APIs`,
      value: `${b.beyondLimit}  (${codes}${b.errors ? `, ${b.errors} errors` : ''})`,
      target: '0',
      met: b.beyondLimit === 0 && b.errors === 0,
    });
  }
  const top = r.protected.rps;
  for (const u of r.usage) {
    const w = `${u.workers} worker${u.workers > 1 ? 's' : ''}`;
    rows.push(
      {
        section: '4',
        measure: `${w}: admitted by the API / aggregated into Mongo (${u.accounts} accounts)`,
        value: `${int(u.admittedPerS)} / ${int(u.aggregatedPerS)} events/s`,
        target: 'aggregated >= 0.9 x admitted',
        met: u.aggregatedPerS >= 0.9 * u.admittedPerS,
      },
      {
        section: '4',
        measure: `${w}: every admitted request in Mongo, after the load stopped`,
        value: ms(u.catchUpMs),
        target: '< 2000 ms',
        met: u.catchUpMs < 2000,
      },
      {
        section: '4',
        measure: `${w}: lag response -> usage report, p50 / p95 / p99 (n=${u.lag.samples}${u.lag.unseen ? `, ${u.lag.unseen} never seen` : ''})`,
        value: `${ms(u.lag.p50)} / ${ms(u.lag.p95)} / ${ms(u.lag.p99)}`,
        target: 'p95 < 2000 ms',
        met: u.lag.unseen === 0 && u.lag.p95 < 2000,
      },
      {
        section: '4',
        measure: `${w}: backlog of ${int(u.backlogEvents)} events (workers frozen one run) drained in`,
        value: `${ms(u.drainMs)} = ${int(u.drainPerS)} events/s`,
        target: `>= ${int(top)}/s (protected, 1)`,
        met: u.drainPerS >= top,
      },
    );
  }
  if (r.store) rows.push(...storeRows(r.store));
  const m = r.machine;
  const c = r.cpuDuringThroughput;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return [
    `Tollgate bench: ${m.cores} cores (${m.cpu}), node ${m.node}, redis ${m.redis}, mongo server: ${m.mongo}; ${settings.durationS} s runs, ${settings.connections} connections; ran ${fixed(r.runtimeS, 0)} s`,
    ...(c
      ? [
          `CPU during 1-2: bench processes ${pct(c.bench)}, other processes ${pct(c.other)} (Redis and Mongo servers included), idle ${pct(c.idle)}`,
        ]
      : []),
    '',
    renderTable(rows),
  ].join('\n');
}

async function main(): Promise<void> {
  checkBaselineDependency();
  mkdirSync(LOG_DIR, { recursive: true });
  log(`server logs in ${LOG_DIR}`);
  await cleanStack();
  const load = LoadClient.start();
  process.on('exit', () => load.kill());
  try {
    const result = await run(load);
    writeFileSync(join(OUT_DIR, 'result.json'), JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(`\n${report(result)}\n\nresult: ${join(OUT_DIR, 'result.json')}\n`);
  } finally {
    load.close();
    await cleanStack().catch((err: unknown) => log(`clean-up failed: ${(err as Error).message}`));
  }
}

// An interrupted or failed bench kills exactly the processes it started.
process.on('exit', () => BenchProcess.killAll());
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(130));

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench: failed: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  },
);
