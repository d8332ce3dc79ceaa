import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactUrl } from './config.loader';

const base = {
  MONGO_URL: 'mongodb://127.0.0.1/x',
  REDIS_URL: 'redis://127.0.0.1:6379',
  OPERATOR_KEY: 'k'.repeat(20),
  SECRET_PEPPER: 'p'.repeat(20),
};

describe('loadConfig', () => {
  it('fills documented defaults', () => {
    const c = loadConfig(base, 'api');
    expect(c).toMatchObject({
      port: 3000,
      publicUrl: 'http://127.0.0.1:3000',
      logLevel: 'info',
      redisFailurePolicy: 'fail-closed',
      redisPrefix: 'tg',
      host: '127.0.0.1',
    });
    expect(c.workerPort).toBeUndefined();
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ ...base, PORT: 'x', LOG_LEVEL: 'loud', REDIS_URL: 'http://nope', MONGO_URL: '' }, 'api');
      expect.fail('should throw');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      for (const name of ['PORT', 'LOG_LEVEL', 'REDIS_URL', 'MONGO_URL']) expect(msg).toContain(name);
    }
  });

  it('requires the operator key and pepper in production, generates them once locally', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', OPERATOR_KEY: '', SECRET_PEPPER: '' }, 'api')).toThrow(
      /OPERATOR_KEY is required when NODE_ENV=production.*SECRET_PEPPER/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'tg-cfg-'));
    const announced: string[] = [];
    const first = loadConfig({ ...base, OPERATOR_KEY: '' }, 'api', {
      localDir: dir,
      announce: (l) => announced.push(l),
    });
    const second = loadConfig({ ...base, OPERATOR_KEY: '' }, 'api', { localDir: dir });
    expect(first.operatorKey).toBe(second.operatorKey);
    expect(readFileSync(join(dir, 'operator-key'), 'utf8').trim()).toBe(first.operatorKey);
    expect(announced[0]).toContain(join(dir, 'operator-key'));
    expect(announced[0]).not.toContain(first.operatorKey);
  });

  it('defaults PUBLIC_URL to the loopback address the stack prints, and requires it for the api in production', () => {
    expect(loadConfig({ ...base, PORT: '4123' }, 'api').publicUrl).toBe('http://127.0.0.1:4123');
    expect(loadConfig({ ...base, PUBLIC_URL: 'https://api.example.com/' }, 'api').publicUrl).toBe(
      'https://api.example.com',
    );
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' }, 'api')).toThrow(
      /PUBLIC_URL is required when NODE_ENV=production/,
    );
    expect(
      loadConfig({ ...base, NODE_ENV: 'production', PUBLIC_URL: 'https://api.example.com' }, 'api').publicUrl,
    ).toBe('https://api.example.com');
    // The worker and the CLI publish no URL: they start without it.
    expect(loadConfig({ ...base, NODE_ENV: 'production' }, 'worker').publicUrl).toBe('http://127.0.0.1:3000');
  });

  it('bounds request and header timeouts', () => {
    expect(loadConfig(base, 'api')).toMatchObject({ requestTimeoutMs: 30_000, headersTimeoutMs: 10_000 });
    expect(loadConfig({ ...base, REQUEST_TIMEOUT_MS: '2000', HEADERS_TIMEOUT_MS: '1000' }, 'api')).toMatchObject({
      requestTimeoutMs: 2000,
      headersTimeoutMs: 1000,
    });
    expect(() => loadConfig({ ...base, REQUEST_TIMEOUT_MS: '0' }, 'api')).toThrow(
      /REQUEST_TIMEOUT_MS must be an integer from 1000/,
    );
    expect(() => loadConfig({ ...base, REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '6000' }, 'api')).toThrow(
      /HEADERS_TIMEOUT_MS \(6000\) must not exceed REQUEST_TIMEOUT_MS/,
    );
  });

  it("accepts a replica set's seed list as MONGO_URL, and checks each host", () => {
    const seedList =
      'mongodb://app:p%40ss@mongo-0.mongo:27017,mongo-1.mongo:27017,[::1]:27018/tollgate?replicaSet=rs0&w=majority&journal=true';
    expect(loadConfig({ ...base, MONGO_URL: seedList }, 'api').mongoUrl).toBe(seedList);
    expect(() => loadConfig({ ...base, MONGO_URL: 'mongodb://a:27017,b c:27017/x' }, 'api')).toThrow(
      /MONGO_URL has a host list/,
    );
    expect(redactUrl(seedList)).toBe(
      'mongodb://app:***@mongo-0.mongo:27017,mongo-1.mongo:27017,[::1]:27018/tollgate?replicaSet=rs0&w=majority&journal=true',
    );
  });

  it('redacts passwords in URLs', () => {
    expect(redactUrl('redis://user:s3cret@host:6379/0')).toBe('redis://user:***@host:6379/0');
    expect(redactUrl('mongodb://host/db')).toBe('mongodb://host/db');
  });
});
