import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import { processCpuMs } from './cpu-meter';

/** Calls and time Redis spent per command, from `INFO commandstats` (commands inside scripts included). */
export type CommandStats = Record<string, { calls: number; usec: number }>;

export interface RedisSample {
  /** CPU (user + system) the redis-server process has used so far, in ms. */
  cpuMs: number;
  commands: CommandStats;
}

/** What Redis did during one run: its CPU and the commands it ran (EVAL/EVALSHA and those inside them). */
export interface RedisUsage {
  cpuMs: number;
  commands: CommandStats;
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
 * commands per request are counted (the bench's own two INFO calls per run are left out).
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
    const commands = parseCommandStats(await this.redis.info('commandstats'));
    if (this.pid) return { cpuMs: processCpuMs(this.pid), commands };
    const cpu = await this.redis.info('cpu');
    const seconds = ['used_cpu_user', 'used_cpu_sys'].reduce((s, f) => s + Number(new RegExp(`^${f}:([\\d.]+)`, 'm').exec(cpu)?.[1] ?? 0), 0);
    return { cpuMs: seconds * 1000, commands };
  }

  /** Between two samples; the meter's own INFO calls (made after the first snapshot) are not the target's. */
  diff(before: RedisSample, after: RedisSample): RedisUsage {
    const commands: CommandStats = {};
    for (const [name, a] of Object.entries(after.commands)) {
      const b = before.commands[name] ?? { calls: 0, usec: 0 };
      const calls = a.calls - b.calls - (name === 'info' ? (this.pid ? 1 : 2) : 0);
      if (calls > 0) commands[name] = { calls, usec: a.usec - b.usec };
    }
    return { cpuMs: after.cpuMs - before.cpuMs, commands };
  }

  close(): void {
    this.redis.disconnect();
  }
}
