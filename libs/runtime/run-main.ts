import { ConfigError, loadConfig, type AppRole, type TollgateConfig } from '@tollgate/config';
import { DependencyUnavailableError, waitForDependencies } from '@tollgate/persistence';

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
  const fail = (message: string): never => {
    process.stderr.write(`tollgate ${role}: ${message}\n`);
    process.exit(1);
  };
  let config: TollgateConfig;
  try {
    config = loadConfig(process.env, role, { announce: (line) => process.stderr.write(`tollgate ${role}: ${line}\n`) });
  } catch (err) {
    return fail(err instanceof ConfigError ? err.message : 'cannot read configuration');
  }
  try {
    await waitForDependencies({ mongoUrl: config.mongoUrl, redisUrl: config.redisUrl, timeoutMs: config.startupTimeoutMs });
  } catch (err) {
    return fail(err instanceof DependencyUnavailableError ? err.message : 'cannot reach dependencies');
  }
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
