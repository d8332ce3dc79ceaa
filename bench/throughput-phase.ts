import { settings } from './bench-settings';
import { percentile } from './bench-report';
import { CpuMeter, type CpuShare, processCpuMs } from './cpu-meter';
import type { LoadClient } from './load-client';
import type { LoadSummary } from './load-generator';
import type { CommandStats, RedisMeter } from './redis-meter';
import type { Server } from './stack';

/** One server and the request that is measured on it. */
export interface ThroughputTarget {
  name: string;
  server: Server;
  url: string;
  headers: Record<string, string>;
}

/** One measured run, plus the CPU its server process, Redis and the load generator used per answered request. */
export type ThroughputRun = LoadSummary & {
  cpuUsPerRequest: number;
  /** The load generator's own CPU per request: a client that costs more than the server measures itself. */
  loadCpuUsPerRequest: number;
  /** The redis-server process's CPU per request (NaN without a Redis meter). */
  redisCpuUsPerRequest: number;
  /** Commands Redis ran per request, by name (EVALSHA and the commands inside the script alike). */
  redisCommandsPerRequest: Record<string, number>;
  /** Microseconds Redis itself reports per request, by command (INFO commandstats). */
  redisUsecPerRequest: Record<string, number>;
  /** Redis's socket reads per request: 1 when every request's command arrives on its own. */
  redisReadsPerRequest: number;
};

export interface AppThroughput {
  /** Medians over the rounds. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * CPU (user + system) of the server process per request. Unlike req/s it hardly moves when other
   * work shares the machine, so it is the figure to trust on a busy one. It leaves out the Redis and
   * Mongo servers' own CPU (Redis's is `redisCpuUsPerRequest`).
   */
  cpuUsPerRequest: number;
  loadCpuUsPerRequest: number;
  redisCpuUsPerRequest: number;
  rounds: ThroughputRun[];
  /** Resident memory after the last round. */
  rssMiB?: number;
}

export interface Ratio {
  /** Median of the per-round ratios: each compares two runs taken seconds apart. */
  median: number;
  min: number;
  max: number;
  /** The same ratio from CPU per request (b's CPU / a's CPU): the capacity ratio if both were CPU-bound. */
  byCpu: number;
}

const median = (values: number[]) => percentile(values, 50);

/** Redis's script commands: their calls and time include the commands they run, listed apart. */
export const SCRIPT_COMMANDS = new Set(['eval', 'evalsha', 'eval_ro', 'evalsha_ro', 'fcall', 'fcall_ro']);

function perRequest(stats: CommandStats, requests: number, field: 'calls' | 'usec'): Record<string, number> {
  return Object.fromEntries(Object.entries(stats).map(([name, s]) => [name, s[field] / requests]));
}

/**
 * Phases 1 and 2: every target warmed up once, then `rounds` rounds of one fixed-length run each,
 * the order rotating from round to round, one target at a time (the others idle). Any answer other
 * than 2xx aborts: it would make a throughput figure meaningless (a 401 is cheaper than a 200).
 * Each run's figures are printed as it ends, so the noise between rounds is visible.
 */
export async function measureThroughput(
  load: LoadClient,
  targets: ThroughputTarget[],
  redis?: RedisMeter,
): Promise<{ apps: Map<string, AppThroughput>; cpu?: CpuShare }> {
  const run = async (t: ThroughputTarget, durationS: number): Promise<ThroughputRun> => {
    const redisBefore = await redis?.sample();
    const cpuBefore = processCpuMs(t.server.proc.pid);
    const loadBefore = processCpuMs(load.pid);
    const [r] = await load.run([
      { url: t.url, connections: settings.connections, duration: durationS, headers: t.headers },
    ]);
    const cpuMs = processCpuMs(t.server.proc.pid) - cpuBefore;
    const loadMs = processCpuMs(load.pid) - loadBefore;
    const usage = redis && redisBefore ? redis.diff(redisBefore, await redis.sample()) : undefined;
    if (r.non2xx || r.errors || r.timeouts) {
      throw new Error(
        `${t.name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts in a throughput run: ${JSON.stringify(r.statusCounts)}`,
      );
    }
    const n = r.ok || NaN;
    return {
      ...r,
      cpuUsPerRequest: (cpuMs * 1000) / n,
      loadCpuUsPerRequest: (loadMs * 1000) / n,
      redisCpuUsPerRequest: usage ? (usage.cpuMs * 1000) / n : NaN,
      redisCommandsPerRequest: usage ? perRequest(usage.commands, n, 'calls') : {},
      redisUsecPerRequest: usage ? perRequest(usage.commands, n, 'usec') : {},
      redisReadsPerRequest: usage ? usage.reads / n : NaN,
    };
  };
  const show = (round: number, t: ThroughputTarget, r: ThroughputRun) => {
    const calls = Object.entries(r.redisCommandsPerRequest).reduce(
      (s, [name, c]) => s + (SCRIPT_COMMANDS.has(name) ? 0 : c),
      0,
    );
    const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
    process.stderr.write(
      `bench:   round ${round + 1} ${t.name.padEnd(18)} ${Math.round(r.rps).toString().padStart(6)} req/s  p50 ${r.p50Ms} p99 ${r.p99Ms} ms  ` +
        `server ${f(r.cpuUsPerRequest)}  redis ${f(r.redisCpuUsPerRequest)}  load ${f(r.loadCpuUsPerRequest)} us/req  redis cmds ${calls.toFixed(1)}, reads ${f(r.redisReadsPerRequest)}/req\n`,
    );
  };
  if (settings.warmupS) for (const t of targets) await run(t, settings.warmupS);
  const meter = CpuMeter.start([process.pid, load.pid, ...targets.map((t) => t.server.proc.pid)]);
  const byName = new Map<string, ThroughputRun[]>(targets.map((t) => [t.name, []]));
  for (let round = 0; round < settings.rounds; round++) {
    for (let i = 0; i < targets.length; i++) {
      const t = targets[(i + round) % targets.length];
      const r = await run(t, settings.durationS);
      show(round, t, r);
      byName.get(t.name)!.push(r);
    }
  }
  const cpu = meter.stop();
  const apps = new Map(
    targets.map((t) => {
      const rounds = byName.get(t.name)!;
      return [
        t.name,
        {
          rps: median(rounds.map((r) => r.rps)),
          p50Ms: median(rounds.map((r) => r.p50Ms)),
          p99Ms: median(rounds.map((r) => r.p99Ms)),
          cpuUsPerRequest: median(rounds.map((r) => r.cpuUsPerRequest)),
          loadCpuUsPerRequest: median(rounds.map((r) => r.loadCpuUsPerRequest)),
          redisCpuUsPerRequest: median(rounds.map((r) => r.redisCpuUsPerRequest)),
          rounds,
          rssMiB: t.server.proc.rssMiB(),
        },
      ] as const;
    }),
  );
  return { apps, cpu };
}

/** `a / b` throughput, round by round. */
export function ratio(a: AppThroughput, b: AppThroughput): Ratio {
  const perRound = a.rounds.map((r, i) => r.rps / b.rounds[i].rps);
  return {
    median: median(perRound),
    min: Math.min(...perRound),
    max: Math.max(...perRound),
    byCpu: b.cpuUsPerRequest / a.cpuUsPerRequest,
  };
}
