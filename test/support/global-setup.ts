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
 * them with scripts/services.sh (local redis-server and FerretDB, on loopback) and hands the URLs to
 * every test file. The built apps (dist/) are needed by the tests that spawn API processes.
 */
export default function setup(project: TestProject): void {
  if (!process.env.REDIS_URL || !process.env.MONGO_URL) {
    execFileSync('bash', [resolve(ROOT, 'scripts/services.sh'), 'up'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const env = readEnvFile(resolve(ROOT, '.local/services/env'));
    process.env.REDIS_URL ??= env.REDIS_URL;
    process.env.MONGO_URL ??= env.MONGO_URL;
    process.env.MONGO_SERVER ??= env.MONGO_SERVER;
  }
  if (!existsSync(resolve(ROOT, 'dist/apps/api/main.js'))) {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  project.provide('services', { redisUrl: process.env.REDIS_URL!, mongoUrl: process.env.MONGO_URL!, mongoServer: process.env.MONGO_SERVER ?? 'external' });
}

declare module 'vitest' {
  export interface ProvidedContext {
    services: { redisUrl: string; mongoUrl: string; mongoServer: string };
  }
}
