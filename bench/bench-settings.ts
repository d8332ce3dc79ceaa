/** The bench's knobs, from the environment (scripts/bench.sh lists them), validated once. */

function envInt(name: string, def: number, min: number, max: number): number {
  const raw = process.env[name];
  if (!raw) return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  return n;
}

function envChoice<T extends string>(name: string, choices: readonly T[]): T {
  const raw = process.env[name] || choices[0];
  if (!choices.includes(raw as T)) throw new Error(`${name} must be one of ${choices.join(', ')} (got "${raw}")`);
  return raw as T;
}

export const settings = {
  /** Seconds of each measured run. */
  durationS: envInt('BENCH_DURATION', 5, 1, 60),
  /** Seconds of unmeasured load before the first measured run on a server (JIT, connection pools). */
  warmupS: envInt('BENCH_WARMUP', 2, 0, 30),
  /**
   * Phases 1-2 run every throughput target (Tollgate's, the baseline, the peers) this many times,
   * rotating the order, and report medians: on a shared 2-core machine, background work comes and
   * goes, and interleaving spreads it over all targets instead of penalising whichever ran at the
   * wrong moment.
   */
  rounds: envInt('BENCH_ROUNDS', 3, 1, 10),
  /** Concurrent connections of the throughput runs (the peer comparison's targets are stated at 32). */
  connections: envInt('BENCH_CONNECTIONS', 32, 1, 1000),
  /** Accounts (one token each) the usage phase spreads its load over, besides the probe account. */
  usageAccounts: envInt('BENCH_USAGE_ACCOUNTS', 8, 1, 200),
  /** Limit of the over-admission token; the burst is `burstFactor` times that, all at once. */
  burstLimit: envInt('BENCH_BURST_LIMIT', 200, 1, 10_000),
  burstFactor: envInt('BENCH_BURST_FACTOR', 5, 2, 20),
  /** Request logs cost the same in every app; `warn` keeps them out of the comparison. */
  logLevel: process.env.BENCH_LOG_LEVEL || 'warn',
  /**
   * Which phases run: all of them (default); `peers`, the throughput comparison with the peer stacks
   * and the exactness bursts (phases 1-3), to iterate on the request path quickly; `throughput`,
   * phases 1-2 alone (a CPU profile of the servers then holds only their steady state); `store`, phase 5.
   */
  phases: envChoice('BENCH_PHASES', ['all', 'peers', 'throughput', 'store']),
  /** Throughput targets to run (comma-separated names, e.g. `protected,bare,fastify,fastify-bare`); all when empty. */
  targets: (process.env.BENCH_TARGETS ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean),
};

export type BenchSettings = typeof settings;
