import { settings } from './bench-settings';
import { percentile } from './bench-report';
import { CpuMeter, type CpuShare, processCpuMs } from './cpu-meter';
import type { LoadClient } from './load-client';
import type { LoadSummary } from './load-generator';
import type { Server } from './stack';

/** One server and the request that is measured on it. */
export interface ThroughputTarget {
  name: string;
  server: Server;
  url: string;
  headers: Record<string, string>;
}

/** One measured run, plus the CPU its server process used per answered request. */
export type ThroughputRun = LoadSummary & { cpuUsPerRequest: number };

export interface AppThroughput {
  /** Medians over the rounds. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * CPU (user + system) of the server process per request. Unlike req/s it hardly moves when other
   * work shares the machine, so it is the figure to trust on a busy one. It leaves out the Redis and
   * Mongo servers' own CPU.
   */
  cpuUsPerRequest: number;
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

/**
 * Phases 1 and 2: every target warmed up once, then `rounds` rounds of one fixed-length run each,
 * the order rotating from round to round. Any answer other than 2xx aborts: it would make a
 * throughput figure meaningless (a 401 is cheaper than a 200).
 */
export async function measureThroughput(
  load: LoadClient,
  targets: ThroughputTarget[],
): Promise<{ apps: Map<string, AppThroughput>; cpu?: CpuShare }> {
  const run = async (t: ThroughputTarget, durationS: number): Promise<ThroughputRun> => {
    const cpuBefore = processCpuMs(t.server.proc.pid);
    const [r] = await load.run([
      { url: t.url, connections: settings.connections, duration: durationS, headers: t.headers },
    ]);
    const cpuMs = processCpuMs(t.server.proc.pid) - cpuBefore;
    if (r.non2xx || r.errors || r.timeouts) {
      throw new Error(
        `${t.name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts in a throughput run: ${JSON.stringify(r.statusCounts)}`,
      );
    }
    return { ...r, cpuUsPerRequest: r.ok ? (cpuMs * 1000) / r.ok : NaN };
  };
  if (settings.warmupS) for (const t of targets) await run(t, settings.warmupS);
  const meter = CpuMeter.start([process.pid, load.pid, ...targets.map((t) => t.server.proc.pid)]);
  const byName = new Map<string, ThroughputRun[]>(targets.map((t) => [t.name, []]));
  for (let round = 0; round < settings.rounds; round++) {
    for (let i = 0; i < targets.length; i++) {
      const t = targets[(i + round) % targets.length];
      byName.get(t.name)!.push(await run(t, settings.durationS));
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
