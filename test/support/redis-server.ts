import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './apps';

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1', () => (s.end(), resolve(true)));
    s.on('error', () => resolve(false));
  });

/**
 * A redis-server of the test file's own, on a free loopback port, for tests that kill, restart or
 * reconfigure Redis (the shared one serves every other file). Started without persistence, as a
 * Redis that loses its memory on restart; `kill` is SIGKILL (no shutdown save either way).
 */
export class TestRedisServer {
  private proc?: ChildProcess;
  private readonly dir = mkdtempSync(join(tmpdir(), 'tg-redis-'));

  private constructor(readonly port: number) {}

  static async start(extra: string[] = []): Promise<TestRedisServer> {
    const server = new TestRedisServer(await freePort());
    await server.restart(extra);
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.proc && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** Starts (again) on the same port, empty. */
  async restart(extra: string[] = []): Promise<void> {
    if (this.running) throw new Error('redis-server is already running');
    this.proc = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        this.dir,
        ...extra,
      ],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 200; i++) {
      if (await portOpen(this.port)) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`redis-server did not start on port ${this.port}`);
  }

  async kill(): Promise<void> {
    const p = this.proc;
    if (!p || !this.running) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
