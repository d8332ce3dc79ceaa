import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Ready when `http` answers (with `status`, if given), or when the log shows `logLine`. */
export type Readiness = { http: string; status?: number } | { logLine: string };

const READY_TIMEOUT_MS = 30_000;

/**
 * Node flags for every server the bench starts, the same for all of them (BENCH_NODE_OPTIONS, e.g.
 * GC tuning or `--cpu-prof --cpu-prof-dir=<dir>`). Given on the command line, not as NODE_OPTIONS,
 * which refuses some of them (--cpu-prof on Node 20).
 */
const NODE_FLAGS = (process.env.BENCH_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean);
const STOP_TIMEOUT_MS = 12_000;

/**
 * A server process the bench started (API, worker, bench app), with its output in a log file under
 * .local/bench/logs. Every instance is tracked so that an aborted bench kills exactly the processes
 * it started, by pid, and nothing else.
 */
export class BenchProcess {
  private static readonly running = new Set<BenchProcess>();
  private readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly proc: ChildProcess,
    readonly logPath: string,
  ) {
    BenchProcess.running.add(this);
    this.exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    void this.exited.then(() => BenchProcess.running.delete(this));
  }

  /** Starts `node <script>` and waits until it is ready (see Readiness). */
  static async start(
    name: string,
    script: string,
    env: NodeJS.ProcessEnv,
    ready: Readiness,
    logDir: string,
  ): Promise<BenchProcess> {
    const logPath = join(logDir, `${name}.log`);
    const fd = openSync(logPath, 'w');
    const proc = spawn(process.execPath, [...NODE_FLAGS, script], { env, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    const child = new BenchProcess(name, proc, logPath);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (!child.alive) throw new Error(`${name} exited during start-up; see ${logPath}:\n${child.logTail()}`);
      if (await child.isReady(ready)) return child;
      if (Date.now() > deadline) {
        await child.stop();
        throw new Error(
          `${name} was not ready within ${READY_TIMEOUT_MS / 1000} s; see ${logPath}:\n${child.logTail()}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** SIGKILL whatever is still running; for `process.on('exit')`, so synchronous. */
  static killAll(): void {
    for (const p of BenchProcess.running) {
      p.signal('SIGCONT');
      p.signal('SIGKILL');
    }
  }

  get pid(): number {
    return this.proc.pid!;
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** Resident set size from /proc (Linux), in MiB; undefined where /proc is unavailable. */
  rssMiB(): number | undefined {
    try {
      const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** SIGSTOP/SIGCONT: freezes a worker so usage piles up in Redis, to time how fast it drains. */
  pause(): void {
    this.signal('SIGSTOP');
  }

  resume(): void {
    this.signal('SIGCONT');
  }

  /** Graceful stop (SIGTERM, as an orchestrator would), SIGKILL if it overstays. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    this.signal('SIGCONT');
    this.signal('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), STOP_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }

  logTail(lines = 20): string {
    try {
      return readFileSync(this.logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  private signal(sig: NodeJS.Signals): void {
    if (this.alive) this.proc.kill(sig);
  }

  private async isReady(ready: Readiness): Promise<boolean> {
    if ('logLine' in ready) return this.logTail(200).includes(ready.logLine);
    try {
      const res = await fetch(ready.http, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      return ready.status === undefined || res.status === ready.status;
    } catch {
      return false;
    }
  }
}

/** A loopback TCP port that is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
