import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import { processCpuMs } from './cpu-meter';

/** Calls and time Redis spent per command, from `INFO commandstats` (commands inside scripts included). */
export type CommandStats = Record<string, { calls: number; usec: number }>;

export interface RedisSample {
  /** CPU (user + system) the redis-server process has used so far, in ms. */
  cpuMs: number;
  commands: CommandStats;
  /** Reads from client sockets so far (`total_reads_processed`): fewer than commands when clients pipeline. */
  reads: number;
}

/** What Redis did during one run: its CPU and the commands it ran (EVAL/EVALSHA and those inside them). */
export interface RedisUsage {
  cpuMs: number;
  commands: CommandStats;
  reads: number;
}

function parseCommandStats(info: string): CommandStats {
  const stats: CommandStats = {};
  for (const line of info.split('\n')) {
    const m = /^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/.exec(line.trim());
    if (m) stats[m[1]] = { calls: Number(m[2]), usec: Number(m[3]) };
  }
  return stats;
}

/**
 * Redis's share of a run, read on the side: the redis-server process's CPU from /proc (its pid from
 * `INFO server`; every thread, AOF writes included), or Redis's own `INFO cpu` counters where the
 * process is not on this machine; and `INFO commandstats` before and after, so each target's Redis
 * commands per request are counted, with Redis's socket reads per request (below one when requests
 * share writes). One `INFO all` per sample, left out of the counts.
 */
export class RedisMeter {
  private constructor(
    private readonly redis: Redis,
    private readonly pid: number | undefined,
  ) {}

  static async connect(url: string): Promise<RedisMeter> {
    const redis = new Redis(url, { connectionName: 'tollgate-bench-meter' });
    const pid = Number(/process_id:(\d+)/.exec(await redis.info('server'))?.[1]);
    return new RedisMeter(redis, Number.isInteger(pid) && existsSync(`/proc/${pid}/stat`) ? pid : undefined);
  }

  /** Where the CPU figure comes from, for the report. */
  get source(): string {
    return this.pid ? `redis-server pid ${this.pid}, /proc` : 'INFO cpu';
  }

  async sample(): Promise<RedisSample> {
    const info = await this.redis.info('all');
    const commands = parseCommandStats(info);
    const reads = Number(/^total_reads_processed:(\d+)/m.exec(info)?.[1] ?? NaN);
    if (this.pid) return { cpuMs: processCpuMs(this.pid), commands, reads };
    const seconds = ['used_cpu_user', 'used_cpu_sys'].reduce(
      (s, f) => s + Number(new RegExp(`^${f}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0),
      0,
    );
    return { cpuMs: seconds * 1000, commands, reads };
  }

  /** Between two samples; the meter's own INFO calls (made after the first snapshot) are not the target's. */
  diff(before: RedisSample, after: RedisSample): RedisUsage {
    const commands: CommandStats = {};
    for (const [name, a] of Object.entries(after.commands)) {
      const b = before.commands[name] ?? { calls: 0, usec: 0 };
      const calls = a.calls - b.calls - (name === 'info' ? 1 : 0);
      if (calls > 0) commands[name] = { calls, usec: a.usec - b.usec };
    }
    // The meter's own INFO is one read.
    return { cpuMs: after.cpuMs - before.cpuMs, commands, reads: after.reads - before.reads - 1 };
  }

  close(): void {
    this.redis.disconnect();
  }
}
