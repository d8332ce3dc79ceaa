import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localStackSettings } from './local-stack';

/** A checkout with the files the stack scripts write (or none). */
function checkout(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'tg-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const STACK =
  'export REDIS_URL=redis://127.0.0.1:6390\nexport MONGO_URL=mongodb://127.0.0.1:27090/tollgate\nexport REDIS_PREFIX=tg\nexport PUBLIC_URL=http://127.0.0.1:3000\n';
const SERVICES =
  'export REDIS_URL=redis://127.0.0.1:7000\nexport MONGO_URL=mongodb://127.0.0.1:7001/tollgate\nexport MONGO_SERVER=ferretdb\n';

describe('localStackSettings', () => {
  it('uses the stack recorded in the checkout (from any directory below it) with its own .local', () => {
    const root = checkout({ '.local/stack/env': STACK, '.local/services/env': SERVICES, 'apps/cli/x': '' });
    const found = localStackSettings({ PATH: '/bin' }, join(root, 'apps/cli'), checkout());
    expect(found.missing).toBeUndefined();
    expect(found.env).toMatchObject({
      PATH: '/bin',
      REDIS_URL: 'redis://127.0.0.1:6390',
      MONGO_URL: 'mongodb://127.0.0.1:27090/tollgate',
      REDIS_PREFIX: 'tg',
    });
    expect(found.localDir).toBe(join(root, '.local'));
    expect(found.source).toBe(join(root, '.local/stack/env'));
  });

  it('falls back to the services file, then to where the CLI is installed; variables that are set win', () => {
    const services = checkout({ '.local/services/env': SERVICES });
    expect(localStackSettings({ REDIS_PREFIX: 'mine' }, services, checkout()).env).toMatchObject({
      REDIS_URL: 'redis://127.0.0.1:7000',
      REDIS_PREFIX: 'mine',
    });
    const installed = checkout({ '.local/stack/env': STACK });
    expect(localStackSettings({}, checkout(), installed).source).toBe(join(installed, '.local/stack/env'));
  });

  it('leaves an environment that names either server alone, and production too', () => {
    const root = checkout({ '.local/stack/env': STACK });
    for (const env of [
      { REDIS_URL: 'redis://elsewhere:6379' },
      { MONGO_URL: 'mongodb://elsewhere/x' },
      { NODE_ENV: 'production' },
    ]) {
      const settings = localStackSettings(env, root, root);
      expect(settings.env).toEqual(env);
      expect(settings.missing).toBeUndefined();
      expect(settings.source).toBeUndefined();
    }
  });

  it('says what to do when there is no stack to find', () => {
    const settings = localStackSettings({}, checkout(), checkout());
    expect(settings.missing).toMatch(/MONGO_URL and REDIS_URL are not set and no local stack was found.*npm run stack/);
  });
});
