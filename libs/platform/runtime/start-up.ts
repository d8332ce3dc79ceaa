import { ConfigError, loadConfig, type AppRole, type TollgateConfig } from '@tollgate/config';
import { DependencyUnavailableError, waitForDependencies } from '@tollgate/persistence';

/** Start-up could not go on; `message` is the one line to show (no stack trace). */
export class StartupError extends Error {}

export interface StartupOptions {
  /** The environment to read (the process's own by default; the CLI completes it from the local stack). */
  env?: Record<string, string | undefined>;
  /** Where generated local secrets are kept (`.local` of the working directory by default). */
  localDir?: string;
  /** Told each notice of the configuration (a secret generated for local runs). */
  announce?: (line: string) => void;
  /** Whose settings to validate when they are another app's (the seed takes the api's: its pepper must match). */
  configRole?: AppRole;
}

/**
 * The start of every process, api, worker, CLI and seed: the environment validated into the typed
 * config (every bad variable named in one line), then a bounded wait for Mongo and Redis exactly as
 * that config describes them (a Redis Cluster included). Every setting a process uses comes from
 * the config this returns; nothing reads the environment after it.
 */
export async function startUp(role: AppRole, options: StartupOptions = {}): Promise<TollgateConfig> {
  let config: TollgateConfig;
  try {
    config = loadConfig(options.env ?? process.env, options.configRole ?? role, {
      localDir: options.localDir,
      announce: options.announce,
    });
  } catch (err) {
    throw new StartupError(err instanceof ConfigError ? err.message : 'cannot read configuration');
  }
  try {
    await waitForDependencies(config);
  } catch (err) {
    throw new StartupError(err instanceof DependencyUnavailableError ? err.message : 'cannot reach dependencies');
  }
  return config;
}
