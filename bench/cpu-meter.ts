import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * How busy the machine was while something was measured, from /proc (Linux): the share of all CPU
 * time used by the bench's own processes and by everything else (Redis and the Mongo server count
 * as "else", as do other people's builds and tests). On a shared machine a run whose "else" is high
 * measured a machine that was busy elsewhere; the bench prints it so nobody mistakes one for a regression.
 */
export interface CpuShare {
  /** Fractions of the machine's total CPU time (all cores) over the interval. */
  bench: number;
  other: number;
  idle: number;
}

function machineTicks(): { total: number; idle: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    return { total: fields.reduce((a, b) => a + b, 0), idle: fields[3] + fields[4] };
  } catch {
    return undefined;
  }
}

/** utime + stime of one process, in the same clock ticks as /proc/stat. */
function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Clock ticks per second of /proc's CPU times (USER_HZ); 100 on every common Linux. */
const TICKS_PER_S = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system) one process has used so far, in ms; 0 where /proc is unavailable. */
export function processCpuMs(pid: number): number {
  return (processTicks(pid) * 1000) / TICKS_PER_S;
}

export class CpuMeter {
  private constructor(
    private readonly pids: number[],
    private readonly machine: { total: number; idle: number } | undefined,
    private readonly own: number,
  ) {}

  /** `pids` must stay alive until `stop` (the CPU time of a process that exits is lost). */
  static start(pids: number[]): CpuMeter {
    return new CpuMeter(
      pids,
      machineTicks(),
      pids.reduce((s, p) => s + processTicks(p), 0),
    );
  }

  stop(): CpuShare | undefined {
    const now = machineTicks();
    if (!now || !this.machine) return undefined;
    const total = now.total - this.machine.total;
    if (total <= 0) return undefined;
    const idle = (now.idle - this.machine.idle) / total;
    const bench = Math.min(1 - idle, (this.pids.reduce((s, p) => s + processTicks(p), 0) - this.own) / total);
    return { bench, other: Math.max(0, 1 - idle - bench), idle };
  }
}
