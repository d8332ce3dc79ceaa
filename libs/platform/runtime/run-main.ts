import type { AppRole, TollgateConfig } from '@tollgate/config';
import { StartupError, startUp, type StartupOptions } from './start-up';

/** Prints `tollgate <role>: <message>` as the one line on stderr and exits 1. */
export function failWith(role: string): (message: string) => never {
  return (message: string): never => {
    process.stderr.write(`tollgate ${role}: ${message}\n`);
    process.exit(1);
  };
}

/** `startUp` for a server or a one-shot command: its failure is one line on stderr and exit 1. */
export async function prepareProcess(role: AppRole, options: StartupOptions = {}): Promise<TollgateConfig> {
  try {
    return await startUp(role, { announce: (line) => process.stderr.write(`tollgate ${role}: ${line}\n`), ...options });
  } catch (err) {
    return failWith(role)(err instanceof StartupError ? err.message : 'cannot start');
  }
}

/** Something `runMain` can stop: a Nest application or application context. */
export interface Closable {
  close(): Promise<void>;
}

const SHUTDOWN_BUDGET_MS = 10_000;

/**
 * The lifecycle both processes share: validate config (one line per failure, no stack trace), wait a
 * bounded time for Mongo and Redis, start, and on SIGTERM/SIGINT close gracefully (stop accepting,
 * finish in-flight requests and jobs, close connections) and exit 0 within 10 s.
 */
export async function runMain(role: AppRole, start: (config: TollgateConfig) => Promise<Closable>): Promise<void> {
  const fail = failWith(role);
  const config = await prepareProcess(role);
  let app: Closable;
  try {
    app = await start(config);
  } catch (err) {
    return fail(`failed to start: ${(err as Error)?.message ?? 'unknown error'}`);
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`tollgate ${role}: ${signal} received, shutting down\n`);
    setTimeout(() => {
      process.stderr.write(`tollgate ${role}: shutdown took longer than ${SHUTDOWN_BUDGET_MS / 1000} s, exiting\n`);
      process.exit(1);
    }, SHUTDOWN_BUDGET_MS).unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
