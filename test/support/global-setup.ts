import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const ROOT = resolve(__dirname, '../..');

function readEnvFile(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^export ([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2].replace(/^['"]|['"]$/g, '');
  }
  return out;
}

/**
 * Real services for the end-to-end suite: uses REDIS_URL / MONGO_URL when given, otherwise starts
 * them with scripts/services.sh (local redis-server and FerretDB, on loopback), stopping them again at
 * the end if they were not running before, and hands the URLs to every test file. The built apps (dist/) are needed by the tests that spawn API processes.
 */
export default function setup(project: TestProject): (() => void) | void {
  let teardown: (() => void) | undefined;
  if (!process.env.REDIS_URL || !process.env.MONGO_URL) {
    const services = (command: string) =>
      execFileSync('bash', [resolve(ROOT, 'scripts/services.sh'), command], { stdio: ['ignore', 'ignore', 'inherit'] });
    // Services started here are stopped when the run ends; ones already running are left alone.
    let running = true;
    try {
      services('status');
    } catch {
      running = false;
    }
    services('up');
    if (!running) teardown = () => services('down');
    const env = readEnvFile(resolve(ROOT, '.local/services/env'));
    process.env.REDIS_URL ??= env.REDIS_URL;
    process.env.MONGO_URL ??= env.MONGO_URL;
    process.env.MONGO_SERVER ??= env.MONGO_SERVER;
  }
  if (!existsSync(resolve(ROOT, 'dist/apps/api/main.js'))) {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  project.provide('services', {
    redisUrl: process.env.REDIS_URL!,
    mongoUrl: process.env.MONGO_URL!,
    mongoServer: process.env.MONGO_SERVER ?? 'external',
  });
  return teardown;
}

declare module 'vitest' {
  export interface ProvidedContext {
    services: { redisUrl: string; mongoUrl: string; mongoServer: string };
  }
}
