import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { LoadAnswer, LoadSummary, LoadTarget } from './load-generator';

/** The bench's handle on the forked load generator (load-generator.ts): one job at a time. */
export class LoadClient {
  private nextId = 1;

  private constructor(private readonly child: ChildProcess) {}

  static start(): LoadClient {
    // Compiled next to this file; `fork` gives the IPC channel the jobs travel on.
    const child = fork(join(__dirname, 'load-generator.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new LoadClient(child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Runs every target at once (one autocannon instance each) and returns their summaries in order. */
  run(targets: LoadTarget[]): Promise<LoadSummary[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onMessage = (answer: LoadAnswer) => {
        if (answer.id !== id) return;
        cleanup();
        if ('error' in answer) reject(new Error(`load generator: ${answer.error}`));
        else resolve(answer.results);
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`load generator exited (${code})`));
      };
      const cleanup = () => {
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
      };
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
      this.child.send({ id, targets });
    });
  }

  close(): void {
    if (this.child.connected) this.child.disconnect();
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
