import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

type Env = Record<string, string | undefined>;

/** Where `npm run stack` and `scripts/services.sh up` record what they started, under a checkout. */
const STACK_FILES = ['.local/stack/env', '.local/services/env'];

export interface LocalSettings {
  /** The environment to configure from: the caller's, completed with the local stack's settings. */
  env: Env;
  /** The checkout's `.local` (its generated operator key and pepper), when its stack was found. */
  localDir?: string;
  /** The settings file used, to name it when its servers do not answer. */
  source?: string;
  /** Set when neither the environment nor a local stack says where Mongo and Redis are. */
  missing?: string;
}

/**
 * The CLI in a new shell after `npm run stack` works without exporting anything: when neither
 * MONGO_URL nor REDIS_URL is set (and not in production), it reads the settings the stack recorded in
 * its checkout (`.local/stack/env`, else `.local/services/env`), found from the working directory
 * upwards or from where the CLI itself is installed. Variables that are set always win; a half-set
 * environment is taken as meant and left to the configuration check.
 */
export function localStackSettings(
  env: Env,
  cwd = process.cwd(),
  installedAt = resolve(__dirname, '../../..'),
): LocalSettings {
  if (env.MONGO_URL || env.REDIS_URL || env.NODE_ENV === 'production') return { env };
  const roots = [...ancestors(cwd), installedAt];
  for (const root of roots) {
    for (const file of STACK_FILES) {
      const path = join(root, file);
      if (!existsSync(path)) continue;
      const recorded = readEnvFile(path);
      if (!recorded.MONGO_URL || !recorded.REDIS_URL) continue;
      const merged: Env = { ...env };
      for (const [name, value] of Object.entries(recorded))
        if (merged[name] === undefined || merged[name] === '') merged[name] = value;
      return { env: merged, localDir: join(root, '.local'), source: path };
    }
  }
  return {
    env,
    missing:
      'MONGO_URL and REDIS_URL are not set and no local stack was found (.local/stack/env in this checkout); ' +
      'start one with `npm run stack` in the checkout, or set MONGO_URL, REDIS_URL, REDIS_PREFIX and SECRET_PEPPER as the API has them',
  };
}

function ancestors(dir: string): string[] {
  const out: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    out.push(d);
    if (dirname(d) === d) return out;
  }
}

/** `export NAME=value` lines, as the stack scripts write them. */
function readEnvFile(path: string): Env {
  const out: Env = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^export ([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2].replace(/^['"]|['"]$/g, '');
  }
  return out;
}
