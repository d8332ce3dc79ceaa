import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { BenchProcess } from './bench-process';
import type { CpuShare } from './cpu-meter';
import { fixed, int, ms, renderColumns, renderTable, type Row } from './bench-report';
import { settings } from './bench-settings';
import { LoadClient } from './load-client';
import { measureOverAdmission, measureQuotaOvershoot, type OverAdmission } from './over-admission-phase';
import {
  comparisonTable,
  exactnessRows,
  measurePeerExactness,
  PEER_STACKS,
  type PeerExactness,
  type PeerKey,
  peerTargets,
  checkPeers,
  type Stack,
  type StackCost,
  stackCosts,
  startPeers,
  targetRows,
} from './peer-comparison';
import { RedisMeter } from './redis-meter';
import {
  BARE_ROUTE,
  BASELINE_ROUTE,
  BEFORE_DIST,
  BEFORE_REDIS_PREFIX,
  BEFORE_REF,
  bearer,
  cleanStack,
  EVERY_POLICY,
  expectEveryPolicy,
  expectStatus,
  LOG_DIR,
  NEVER_TRIPS,
  OPERATOR_KEY,
  OUT_DIR,
  redisVersion,
  ROUTE,
  seedBaselineToken,
  type Server,
  SINGLE_POLICIES,
  startApi,
  startBenchApp,
} from './stack';
import { StackClient } from './stack-client';
import { type AppThroughput, measureThroughput, type Ratio, ratio, type ThroughputTarget } from './throughput-phase';
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
 *   1. the real API's protected route against the same route in a bench app with no guard, and the
 *      same route on an account with every policy on (burst and API windows, a hard quota, hard
 *      credits, an allow list) against the default policy, in the same rounds and the same API process;
 *   2. the same against a baseline (passport-http-bearer + Mongo lookup, @nestjs/throttler + Redis),
 *      and against the peer stacks (bench/peers: Express, Fastify and Nest with their usual bearer and
 *      Redis limiter packages, each beside its own bare route), with Redis's CPU and commands per
 *      request (peer-comparison.ts); BENCH_BEFORE=<ref> adds that ref's build of Tollgate to the
 *      same rounds, for a before/after in one run;
 *   3. over-admission: a burst of concurrent requests on one token across two API processes (and
 *      across two processes of each peer). `BENCH_PHASES=peers` runs phases 1-3 only;
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
  protected?: AppThroughput;
  /** The protected route on the account with every policy on (EVERY_POLICY). */
  everyPolicy?: AppThroughput;
  bare?: AppThroughput;
  baseline?: AppThroughput;
  ratios: { protectedOverBare?: Ratio; everyPolicyOverProtected?: Ratio; oursOverBaseline?: Ratio };
  /** Every throughput target of phases 1-2, by name. */
  throughput: Record<string, AppThroughput>;
  peers?: { stacks: StackCost[]; exactness: PeerExactness[]; redisCpu: string };
  /** Machine CPU during phases 1-2: the bench's processes, everything else, idle. */
  cpuDuringThroughput?: CpuShare;
  overAdmission?: OverAdmission;
  quotaOvershoot?: OverAdmission;
  usage?: PipelineResult[];
  store?: { seed: string; dataLists: DataListResult[]; issuance: IssuanceResult; manyTokens: ManyTokensResult };
}

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** The baseline's and the peers' dependencies beyond the product's own; fail before spending minutes. */
function checkBenchDependencies(): void {
  for (const name of [
    '@nestjs/throttler',
    'express',
    'fastify',
    '@fastify/bearer-auth',
    '@fastify/rate-limit',
    'rate-limiter-flexible',
  ]) {
    try {
      require.resolve(name);
    } catch {
      throw new Error(`the bench needs ${name} (a devDependency): run npm install`);
    }
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

/** The stacks whose added cost the report shows: Tollgate (and its BENCH_BEFORE build), then the peers. */
function stacks(): Stack[] {
  return [
    { key: 'tollgate', label: 'Tollgate', protectedTarget: 'protected', bareTarget: 'bare' },
    ...(BEFORE_DIST
      ? [
          {
            key: 'tollgate@before',
            label: `Tollgate at ${BEFORE_REF}`,
            protectedTarget: 'protected@before',
            bareTarget: 'bare@before',
          },
        ]
      : []),
    ...PEER_STACKS.map((p) => ({ key: p.key, label: p.label, protectedTarget: p.key, bareTarget: `${p.key}-bare` })),
  ];
}

function throughputFields(
  tp: Map<string, AppThroughput>,
): Pick<BenchResult, 'protected' | 'everyPolicy' | 'bare' | 'baseline' | 'ratios' | 'throughput'> {
  const [p, ep, b, bl] = [tp.get('protected'), tp.get(EVERY_POLICY_TARGET), tp.get('bare'), tp.get('baseline')];
  return {
    protected: p,
    everyPolicy: ep,
    bare: b,
    baseline: bl,
    ratios: {
      protectedOverBare: p && b ? ratio(p, b) : undefined,
      everyPolicyOverProtected: ep && p ? ratio(ep, p) : undefined,
      oursOverBaseline: p && bl ? ratio(p, bl) : undefined,
    },
    throughput: Object.fromEntries(tp),
  };
}

/** The protected route on the every-policy account (issue 16: at least 0.9 of the default policy's throughput). */
const EVERY_POLICY_TARGET = 'protected-policies';

/** BENCH_TARGETS, when set, names the throughput targets to run. */
const wanted = (name: string) => !settings.targets.length || settings.targets.includes(name);

async function run(load: LoadClient): Promise<BenchResult> {
  const startedAt = Date.now();
  const servers: Server[] = [];
  const stopAll = async (list: { proc: { stop(): Promise<void> } }[]) => {
    for (const s of list) await s.proc.stop();
  };
  try {
    log('starting the API ...');
    const api = await startApi('api-1');
    servers.push(api);

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
    if (settings.phases === 'store')
      return {
        at: new Date(startedAt).toISOString(),
        runtimeS: 0,
        machine: await machine(),
        settings,
        store: await store(),
      } as unknown as BenchResult;

    log('starting the bare app, the baseline and the peers ...');
    const bare = wanted('bare') ? await startBenchApp('bare') : undefined;
    const baseline = wanted('baseline') ? await startBenchApp('baseline') : undefined;
    const before =
      BEFORE_DIST && (wanted('protected@before') || wanted('bare@before') || wanted(`${EVERY_POLICY_TARGET}@before`))
        ? {
            api: await startApi('api-before', BEFORE_DIST, BEFORE_REDIS_PREFIX),
            bare: await startBenchApp('bare', 'bare-before', BEFORE_DIST, BEFORE_REDIS_PREFIX),
          }
        : undefined;
    const benchApps = [bare, baseline, before?.api, before?.bare].filter((s): s is Server => !!s);
    servers.push(...benchApps);
    const peers = await startPeers(
      PEER_STACKS.map((p) => p.key).filter((k: PeerKey) => wanted(k) || wanted(`${k}-bare`)),
    );
    servers.push(...peers.map((p) => p.server));

    const token = await client.issueToken(await client.createAccount('bench-protected', NEVER_TRIPS));
    await expectStatus(`${api.url}${ROUTE}`, bearer(token), 200, 'protected route');
    const targets: ThroughputTarget[] = [
      { name: 'protected', server: api, url: `${api.url}${ROUTE}`, headers: bearer(token) },
    ];
    let policiesToken: string | undefined;
    if (wanted(EVERY_POLICY_TARGET) || wanted(`${EVERY_POLICY_TARGET}@before`)) {
      // Next to 'protected' in the list, so the rotating order runs the two back to back in each
      // round (their per-round ratio compares runs seconds apart, on the same API process).
      const { throttle, ...rest } = EVERY_POLICY;
      const account = await client.createAccount('bench-policies', throttle, rest);
      policiesToken = await client.issueToken(account);
      await expectEveryPolicy(`${api.url}${ROUTE}`, policiesToken, account as unknown as Record<string, unknown>);
      targets.push({
        name: EVERY_POLICY_TARGET,
        server: api,
        url: `${api.url}${ROUTE}`,
        headers: bearer(policiesToken),
      });
    }
    for (const [name, { throttle, ...rest }] of Object.entries(SINGLE_POLICIES)) {
      if (!settings.targets.includes(name)) continue;
      const single = await client.issueToken(await client.createAccount(`bench-${name}`, throttle, rest));
      await expectStatus(`${api.url}${ROUTE}`, bearer(single), 200, name);
      targets.push({ name, server: api, url: `${api.url}${ROUTE}`, headers: bearer(single) });
    }
    if (bare) {
      await expectStatus(`${bare.url}${BARE_ROUTE}`, {}, 200, 'bare route');
      targets.push({ name: 'bare', server: bare, url: `${bare.url}${BARE_ROUTE}`, headers: {} });
    }
    if (baseline) {
      const baselineToken = await seedBaselineToken();
      await expectStatus(
        `${baseline.url}${BASELINE_ROUTE}`,
        bearer(`bl_${'x'.repeat(43)}`),
        401,
        'baseline with an unknown token',
      );
      await expectStatus(`${baseline.url}${BASELINE_ROUTE}`, bearer(baselineToken), 200, 'baseline route');
      targets.push({
        name: 'baseline',
        server: baseline,
        url: `${baseline.url}${BASELINE_ROUTE}`,
        headers: bearer(baselineToken),
      });
    }
    if (before) {
      // The same token: the earlier build reads it from the same database and rebuilds its own Redis state.
      // Token records reach the database about 100 ms after issuance (written behind, through this
      // build's Redis prefix, which the earlier build does not read), and a token found unknown is
      // remembered as such: the first use waits until the records moved (a sweep runs every 2 s).
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      await expectStatus(`${before.api.url}${ROUTE}`, bearer(token), 200, `protected route at ${BEFORE_REF}`);
      await expectStatus(`${before.bare.url}${BARE_ROUTE}`, {}, 200, `bare route at ${BEFORE_REF}`);
      targets.push(
        { name: 'protected@before', server: before.api, url: `${before.api.url}${ROUTE}`, headers: bearer(token) },
        { name: 'bare@before', server: before.bare, url: `${before.bare.url}${BARE_ROUTE}`, headers: {} },
      );
      // The every-policy account too, so a change to the policies' cost is measured before and after
      // in the same rounds.
      if (policiesToken)
        targets.push({
          name: `${EVERY_POLICY_TARGET}@before`,
          server: before.api,
          url: `${before.api.url}${ROUTE}`,
          headers: bearer(policiesToken),
        });
    }
    await checkPeers(peers);
    targets.push(...peerTargets(peers));
    const measured = targets.filter((t) => wanted(t.name));

    log(
      `1-2/4 ${measured.map((t) => t.name).join(', ')}: ${settings.rounds} rounds of ${settings.durationS} s each, ${settings.connections} connections, one target at a time ...`,
    );
    const redisMeter = await RedisMeter.connect(process.env.REDIS_URL!);
    let tp: Map<string, AppThroughput>;
    let cpu: CpuShare | undefined;
    try {
      ({ apps: tp, cpu } = await measureThroughput(load, measured, redisMeter));
    } finally {
      redisMeter.close();
    }
    await stopAll(benchApps);
    if (settings.phases === 'throughput') {
      await stopAll(servers);
      return {
        ...throughputFields(tp),
        at: new Date(startedAt).toISOString(),
        runtimeS: (Date.now() - startedAt) / 1000,
        machine: await machine(),
        settings,
        peers: { stacks: stackCosts(stacks(), tp), exactness: [], redisCpu: redisMeter.source },
        cpuDuringThroughput: cpu,
      };
    }

    log('3/4 over-admission burst on two API processes, and on two processes of each peer ...');
    const api2 = await startApi('api-2');
    servers.push(api2);
    const overAdmission = await measureOverAdmission(load, client, [api.url, api2.url]);
    const quotaOvershoot = await measureQuotaOvershoot(load, client, [api.url, api2.url]);
    await api2.proc.stop();
    const exactness: PeerExactness[] = [];
    for (const p of peers) exactness.push(await measurePeerExactness(load, p));
    await stopAll(peers.map((p) => p.server));

    const base = {
      ...throughputFields(tp),
      at: new Date(startedAt).toISOString(),
      machine: await machine(),
      settings,
      peers: { stacks: stackCosts(stacks(), tp), exactness, redisCpu: redisMeter.source },
      cpuDuringThroughput: cpu,
      overAdmission,
      quotaOvershoot,
    };
    if (settings.phases === 'peers') return { ...base, runtimeS: (Date.now() - startedAt) / 1000 };

    const usage: PipelineResult[] = [];
    for (const workers of [1, 2]) {
      log(`4/4 usage pipeline with ${workers} worker${workers > 1 ? 's' : ''} ...`);
      usage.push(await measureUsagePipeline(load, client, workers));
    }

    const storeResult = await store();
    return { ...base, runtimeS: (Date.now() - startedAt) / 1000, usage, store: storeResult };
  } finally {
    await stopAll(servers);
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
  const { protectedOverBare: pb, everyPolicyOverProtected: ep, oursOverBaseline: ob } = r.ratios;
  const rows: Row[] = [];
  if (r.protected)
    rows.push({
      section: '1',
      measure: `protected: GET ${ROUTE}, real API (bearer guard + admission script)`,
      value: app(r.protected),
    });
  if (r.bare)
    rows.push({
      section: '1',
      measure: `bare: GET ${BARE_ROUTE}, same app and answer, @Public() (no guard)`,
      value: app(r.bare),
    });
  if (pb)
    rows.push({
      section: '1',
      measure: 'protected / bare throughput',
      value: spread(pb),
      target: '>= 0.60',
      met: pb.median >= 0.6,
    });
  if (r.everyPolicy)
    rows.push({
      section: '1',
      measure: `every policy: GET ${ROUTE}, account with burst and API windows, a hard quota, credits, an allow list`,
      value: app(r.everyPolicy),
    });
  if (ep)
    rows.push({
      section: '1',
      measure: 'every policy / default policy (protected) throughput; Redis CPU per request, default -> every policy',
      // The policies' work is mostly Redis's (quota and credit reads), which the server's CPU ratio leaves out.
      value: `${spread(ep)}; Redis ${fixed(r.protected!.redisCpuUsPerRequest, 1)} -> ${fixed(r.everyPolicy!.redisCpuUsPerRequest, 1)} us/req`,
      target: '>= 0.90',
      met: ep.median >= 0.9,
    });
  if (r.baseline)
    rows.push({
      section: '2',
      measure: `baseline: GET ${BASELINE_ROUTE}, passport-http-bearer + Mongo, @nestjs/throttler + Redis`,
      value: app(r.baseline),
    });
  if (ob)
    rows.push({
      section: '2',
      measure: 'ours / baseline throughput',
      value: spread(ob, 'x'),
      target: '>= 2x',
      met: ob.median >= 2,
    });
  if (r.peers) rows.push(...targetRows(r.peers.stacks), ...exactnessRows(r.peers.exactness));
  for (const b of [r.overAdmission, r.quotaOvershoot].filter((x): x is OverAdmission => !!x)) {
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
  const top = r.protected?.rps ?? NaN;
  for (const u of r.usage ?? []) {
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
    ...(r.peers?.stacks.length
      ? [
          '',
          `Peer comparison (medians of ${settings.rounds} rounds; Redis CPU from ${r.peers.redisCpu}):`,
          renderColumns(comparisonTable(r.peers.stacks)),
        ]
      : []),
    '',
    'Every round (req/s, p99 ms, server / Redis / load generator CPU us per request):',
    renderColumns([
      ['target', ...Array.from({ length: settings.rounds }, (_, i) => `round ${i + 1}`)],
      ...Object.entries(r.throughput).map(([name, t]) => [
        name,
        ...t.rounds.map(
          (x) =>
            `${int(x.rps)}, ${x.p99Ms}, ${fixed(x.cpuUsPerRequest, 1)} / ${fixed(x.redisCpuUsPerRequest, 1)} / ${fixed(x.loadCpuUsPerRequest, 1)}`,
        ),
      ]),
    ]),
  ].join('\n');
}

async function main(): Promise<void> {
  checkBenchDependencies();
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
