import type { BenchProcess } from './bench-process';
import { settings } from './bench-settings';
import { percentile } from './bench-report';
import { LagProbe } from './lag-probe';
import type { LoadClient } from './load-client';
import type { LoadSummary, LoadTarget } from './load-generator';
import { bearer, NEVER_TRIPS, ROUTE, startWorker } from './stack';
import type { StackClient } from './stack-client';

export interface PipelineResult {
  workers: number;
  accounts: number;
  /** Live, workers running: what the API admitted and how fast totals grew in Mongo meanwhile. */
  admittedPerS: number;
  aggregatedPerS: number;
  /** From the end of the load until Mongo holds every admitted request. */
  catchUpMs: number;
  lag: { samples: number; unseen: number; p50: number; p95: number; p99: number; max: number };
  /** Workers frozen (SIGSTOP) during one run, then resumed: time until Mongo holds it all. */
  backlogEvents: number;
  drainMs: number;
  drainPerS: number;
}

/** Bounded above the relay's 30 s sweep, the last resort that finds usage nobody registered. */
const SETTLE_TIMEOUT_MS = 45_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Samples the accounts' usage totals every `everyMs` until `stop` resolves and returns their growth
 * in events/s (least-squares slope). Totals reach Mongo in steps (each relay tick ships a snapshot),
 * so a slope over many samples is steadier than the difference of two.
 */
async function totalsGrowthPerS(
  client: StackClient,
  accountIds: string[],
  stop: Promise<unknown>,
  everyMs = 500,
): Promise<number> {
  const points: [number, number][] = [];
  let done = false;
  stop.finally(() => (done = true)).catch(() => undefined);
  while (!done) {
    const total = await client.usageTotals(accountIds);
    points.push([Date.now() / 1000, total]);
    await Promise.race([sleep(everyMs), stop]);
  }
  if (points.length < 2) return NaN;
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx > 0 ? sxy / sxx : NaN;
}

/** Polls the accounts' usage totals until they reach `expected`; returns when (epoch ms). */
async function waitForTotals(client: StackClient, accountIds: string[], expected: number): Promise<number> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const total = await client.usageTotals(accountIds);
    if (total >= expected) return Date.now();
    if (Date.now() > deadline)
      throw new Error(`usage totals stuck at ${total} of ${expected} after ${SETTLE_TIMEOUT_MS} ms`);
    await sleep(50);
  }
}

/**
 * Phase 4 with `workers` worker processes, on fresh accounts (totals start at zero):
 * - live: the API loaded flat out over `usageAccounts` tokens while a probe account measures lag;
 *   aggregation rate = growth of the totals in Mongo (usage report) during the measured run;
 * - catch-up: when the load stops, how long until every admitted request is in Mongo;
 * - backlog: the workers frozen for one run, then resumed; drain rate = backlog / drain time, the
 *   worker's capacity independent of how fast the API can feed it.
 * Autocannon does not count answers still in flight when it stops, though the API admitted them, so
 * totals may end a few above its count: every wait is for "at least".
 */
export async function measureUsagePipeline(
  load: LoadClient,
  client: StackClient,
  workers: number,
): Promise<PipelineResult> {
  const accounts = await Promise.all(
    Array.from({ length: settings.usageAccounts }, (_, i) =>
      client.createAccount(`bench-usage-w${workers}-${i}`, NEVER_TRIPS),
    ),
  );
  const tokens = await Promise.all(accounts.map((a) => client.issueToken(a)));
  const accountIds = accounts.map((a) => a.accountId);
  const probeAccount = await client.createAccount(`bench-probe-w${workers}`, NEVER_TRIPS);
  const probeToken = await client.issueToken(probeAccount);
  // Each connection cycles through the tokens, so every account gets an equal share.
  const target: LoadTarget = {
    url: `${client.base}${ROUTE}`,
    connections: settings.connections,
    requests: tokens.map((t) => ({ headers: bearer(t) })),
  };

  const procs: BenchProcess[] = [];
  try {
    for (let i = 1; i <= workers; i++) procs.push(await startWorker(`worker-${workers}-${i}`));

    const [warm] = settings.warmupS ? await load.run([{ ...target, duration: settings.warmupS }]) : [undefined];
    const probe = new LagProbe(client, probeToken, probeAccount.accountId);
    probe.start();
    const liveRun = load.run([{ ...target, duration: settings.durationS }]);
    const aggregatedPerS = await totalsGrowthPerS(client, accountIds, liveRun);
    const [live] = await liveRun;
    const loadStoppedAt = Date.now();
    probe.endWindow();
    const admitted = (warm?.ok ?? 0) + live.ok;
    const [caughtUpAt, lag] = await Promise.all([
      waitForTotals(client, accountIds, admitted),
      probe.finish(SETTLE_TIMEOUT_MS),
    ]);

    const before = await client.usageTotals(accountIds);
    for (const p of procs) p.pause();
    let backlog: LoadSummary;
    try {
      [backlog] = await load.run([{ ...target, duration: settings.durationS }]);
    } finally {
      for (const p of procs) p.resume();
    }
    const resumedAt = Date.now();
    const drainedAt = await waitForTotals(client, accountIds, before + backlog.ok);
    const drainMs = Math.max(1, drainedAt - resumedAt);

    return {
      workers,
      accounts: accountIds.length,
      admittedPerS: live.rps,
      aggregatedPerS,
      catchUpMs: caughtUpAt - loadStoppedAt,
      lag: {
        samples: lag.lagsMs.length,
        unseen: lag.unseen,
        p50: percentile(lag.lagsMs, 50),
        p95: percentile(lag.lagsMs, 95),
        p99: percentile(lag.lagsMs, 99),
        max: percentile(lag.lagsMs, 100),
      },
      backlogEvents: backlog.ok,
      drainMs,
      drainPerS: (backlog.ok / drainMs) * 1000,
    };
  } finally {
    for (const p of procs) await p.stop();
  }
}
