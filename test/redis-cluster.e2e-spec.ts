import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropStack, freePort, spawnApp, type ChildApp } from './support/apps';
import { bearer, createAccount, http, issueToken } from './support/client';
import { processEnv, testConfig } from './support/test-config';

/**
 * The product on a real three-master Redis Cluster (loopback): every key the admission script
 * touches for a request carries the account's hash tag, so the same script runs there unchanged.
 */
const dir = mkdtempSync(join(tmpdir(), 'tg-cluster-'));
const nodes: ChildProcess[] = [];
const ports: number[] = [];
const config = testConfig();
let api: ChildApp;
let worker: ChildApp;
let node: Redis | undefined;
const redisNode = () => (node ??= new Redis(ports[0], '127.0.0.1'));

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1', () => (s.end(), resolve(true)));
    s.on('error', () => resolve(false));
  });

beforeAll(async () => {
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    ports.push(port);
    nodes.push(
      spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          join(dir, `nodes-${port}.conf`),
          '--save',
          '',
          '--appendonly',
          'no',
          '--dir',
          dir,
        ],
        { stdio: 'ignore' },
      ),
    );
  }
  for (const port of ports)
    for (let i = 0; i < 100 && !(await portOpen(port)); i++) await new Promise((r) => setTimeout(r, 50));
  execFileSync(
    'redis-cli',
    ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'],
    { stdio: 'ignore', timeout: 30_000 },
  );
  for (let i = 0; i < 100; i++) {
    if (
      execFileSync('redis-cli', ['-p', String(ports[0]), 'cluster', 'info'], { encoding: 'utf8' }).includes(
        'cluster_state:ok',
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const env = processEnv(config, { REDIS_URL: `redis://127.0.0.1:${ports[0]}`, REDIS_CLUSTER: 'true' });
  api = await spawnApp('api', env, await freePort());
  worker = await spawnApp('worker', env);
}, 90_000);

afterAll(async () => {
  node?.disconnect();
  await api?.kill();
  await worker?.kill();
  for (const n of nodes) n.kill('SIGKILL');
  // The cluster's data dies with its nodes; only the Mongo database needs dropping.
  await dropStack(config, { redis: false });
});

describe('on Redis Cluster', () => {
  it('throttles, revokes and meters exactly, with accounts spread over the masters', async () => {
    // Account ids are random: add accounts (bounded) until their keys sit on at least two masters,
    // as the cluster itself reports slot ownership.
    const slots = await redisNode().cluster('SLOTS');
    const ownerOf = (accountId: string) => {
      const slot = Number(
        execFileSync('redis-cli', ['-p', String(ports[0]), 'cluster', 'keyslot', `{${accountId}}`], {
          encoding: 'utf8',
        }).trim(),
      );
      return slots.find(([from, to]) => slot >= from && slot <= to)![2]![1];
    };
    const accounts: Awaited<ReturnType<typeof createAccount>>[] = [];
    while (
      accounts.length < 20 &&
      (accounts.length < 4 || new Set(accounts.map((a) => ownerOf(a.accountId))).size < 2)
    ) {
      accounts.push(
        await createAccount(api.url!, config, {
          name: `cluster-${accounts.length}`,
          throttle: { limit: 5, periodSeconds: 60 },
        }),
      );
    }
    expect(new Set(accounts.map((a) => ownerOf(a.accountId))).size).toBeGreaterThan(1);
    const tokens = await Promise.all(accounts.map((a) => issueToken(api.url!, a)));
    for (const token of tokens) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(token) })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    }
    // Revocation takes effect at once.
    const extra = await createAccount(api.url!, config, { name: 'cluster-revoke' });
    const token = await issueToken(api.url!, extra);
    await http(`${api.url}/oauth/revoke`, {
      method: 'POST',
      form: { token, client_id: extra.clientId, client_secret: extra.clientSecret },
    });
    expect((await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(token) })).status).toBe(401);
    // Usage reaches Mongo through BullMQ on the cluster: 5 admitted requests per account.
    const day = new Date().toISOString().slice(0, 10);
    let counted = -1;
    for (let i = 0; i < 100 && counted !== 5; i++) {
      const res = await http(`${api.url}/operator/v1/accounts/cluster-0/usage?period=day&start=${day}&end=${day}`, {
        headers: { 'x-operator-key': config.operatorKey },
      });
      counted = (res.body.usageForAccount as { api: string; transactions: number }[])
        .filter((r) => r.api === 'admin')
        .reduce((s, r) => s + r.transactions, 0);
      if (counted !== 5) await new Promise((r) => setTimeout(r, 100));
    }
    expect(counted).toBe(5);
  });
});
