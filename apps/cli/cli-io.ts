import { AsyncLocalStorage } from 'node:async_hooks';

/** Where one run of the CLI reads its settings and writes its output. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** The environment the run is configured from (the process's, in `main.ts`). */
  env: Record<string, string | undefined>;
  /** Where the local stack is looked for, upwards (the process's working directory, in `main.ts`). */
  cwd: string;
}

const runs = new AsyncLocalStorage<CliIo>();

/** The process's own streams, environment and directory: a CLI run as operators start it. */
export const processIo = (): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});

/** Runs `fn` with `io` as the output and settings of everything it calls. */
export function withIo<T>(io: CliIo, fn: () => Promise<T>): Promise<T> {
  return runs.run(io, fn);
}

/** The output and settings of the run in progress. */
export function currentIo(): CliIo {
  return runs.getStore() ?? processIo();
}
