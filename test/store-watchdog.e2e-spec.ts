import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MongoClient, MongoServerError } from 'mongodb';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { freePort } from './support/apps';

/**
 * The local store's wrapper (tools/ferretdb): one stuck command must never hold every other client.
 * Each test runs its own wrapper (SQLite backend, temporary data) with a short watchdog deadline, so
 * that recycling it does not disturb the store the other test files share. `-test-hooks` adds
 * {$tollgateSleep: ms, as}: the proxy takes the locks of a write (or a read) and waits on FerretDB for
 * a reply that never comes, which is what a stuck command looks like to it.
 */
const ROOT = resolve(__dirname, '..');
const DEADLINE_MS = 2_000;

interface Store {
  url: string;
  proc: ChildProcess;
  dir: string;
  log: () => string;
}
const stores: Store[] = [];
const clients: MongoClient[] = [];

async function startStore(flags: string[]): Promise<Store> {
  const bin = execFileSync('bash', [resolve(ROOT, 'scripts/services.sh'), 'ferretdb-bin'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const dir = mkdtempSync(join(tmpdir(), 'tg-store-'));
  const port = await freePort();
  const proc = spawn(
    bin,
    ['-listen', `127.0.0.1:${port}`, '-backend', 'sqlite', '-dir', dir, '-deadline', `${DEADLINE_MS}ms`, ...flags],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let out = '';
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const store: Store = { url: `mongodb://127.0.0.1:${port}/watchdog`, proc, dir, log: () => out };
  stores.push(store);
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the store did not start: ${out}`)), 30_000);
    proc.stderr!.on('data', () => {
      if (out.includes('ferretdb: listening on')) {
        clearTimeout(timer);
        ok();
      }
    });
    proc.on('exit', (code) => fail(new Error(`the store exited with ${code}: ${out}`)));
  });
  return store;
}

async function connect(store: Store): Promise<MongoClient> {
  const c = await new MongoClient(store.url, { maxPoolSize: 10, serverSelectionTimeoutMS: 10_000 }).connect();
  clients.push(c);
  return c;
}

/** Resolves with the order in which the given promises settled (their labels). */
function settleOrder(entries: Record<string, Promise<unknown>>): Promise<string[]> {
  const order: string[] = [];
  return Promise.allSettled(Object.entries(entries).map(([label, p]) => p.finally(() => order.push(label)))).then(
    () => order,
  );
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close(true)));
  for (const s of stores.splice(0)) {
    s.proc.kill('SIGTERM');
    await new Promise((r) => (s.proc.exitCode === null ? s.proc.once('exit', r) : r(null)));
    rmSync(s.dir, { recursive: true, force: true });
  }
});

describe.skipIf(inject('services').mongoServer !== 'ferretdb')('store watchdog (local FerretDB wrapper)', () => {
  it('fails a stuck command after the deadline, restarts the store on the same data, and answers other clients meanwhile', async () => {
    const store = await startStore(['-test-hooks']);
    const stuckClient = await connect(store);
    const other = await connect(store);
    const coll = other.db().collection<{ _id: string; n: number }>('c');
    await coll.insertOne({ _id: 'kept', n: 1 });

    // Stuck for a minute, longer than this test may run: only the watchdog can end it.
    const stuck = stuckClient.db('admin').command({ $tollgateSleep: 60_000 });
    await new Promise((r) => setTimeout(r, 200));
    const read = coll.findOne({ _id: 'kept' });
    const order = await settleOrder({ stuck, read });

    expect(await read).toEqual({ _id: 'kept', n: 1 });
    expect(order).toEqual(['read', 'stuck']); // the read did not wait for the stuck write
    const err = await stuck.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).code).toBe(50); // MaxTimeMSExpired
    expect((err as MongoServerError).message).toContain('did not answer');
    expect(store.log()).toContain('watchdog');

    // The restarted store has the data, takes writes, and the stuck client's connection works again.
    await coll.insertOne({ _id: 'after', n: 2 });
    expect(await stuckClient.db().collection('c').countDocuments({})).toBe(2);
  });

  it('turns the 101-statement update hang into an error, and keeps answering the others', async () => {
    // Without the proxy's splitting of large updates, FerretDB keeps one SQLite connection (of 100)
    // per statement until the update ends, so statement 101 waits forever.
    const store = await startStore(['-max-update-statements', '0']);
    const bulkClient = await connect(store);
    const other = await connect(store);
    const coll = bulkClient.db().collection<{ _id: string; n: number }>('usage');
    await coll.insertMany(Array.from({ length: 150 }, (_, i) => ({ _id: `d${i}`, n: 0 })));

    const bulk = coll.bulkWrite(
      Array.from({ length: 150 }, (_, i) => ({ updateOne: { filter: { _id: `d${i}` }, update: { $max: { n: 1 } } } })),
    );
    await new Promise((r) => setTimeout(r, 300));
    // This read queues behind the exhausted pool; it is answered once the watchdog has recycled
    // FerretDB (the proxy repeats a read cut off by that restart).
    const read = other.db().collection<{ _id: string; n: number }>('usage').findOne({ _id: 'd7' });
    read.catch(() => undefined); // awaited below, after the bulk

    const err = await bulk.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as MongoServerError).code).toBe(50);
    // The read queued behind the hang is answered after the recycle, or, when the recycle takes longer
    // than its own deadline, refused with the same code 50: never left hanging.
    const readResult = await read.catch((e: unknown) => e);
    if (readResult instanceof Error) expect((readResult as MongoServerError).code).toBe(50);
    else expect(readResult).toMatchObject({ _id: 'd7' });
    // The store answers reads and writes again.
    await other.db().collection<{ _id: string; n: number }>('usage').insertOne({ _id: 'x', n: 9 });
    expect(await other.db().collection('usage').countDocuments({})).toBe(151);
  });

  it('runs reads side by side, and writes one at a time', async () => {
    const store = await startStore(['-test-hooks', '-deadline', '60s']);
    const a = await connect(store);
    const b = await connect(store);
    const c = await connect(store);
    const coll = c.db().collection<{ _id: string }>('r');
    await coll.insertOne({ _id: 'x' });

    // A slow read does not hold up another read.
    const slowRead = a.db('admin').command({ $tollgateSleep: 1_500, as: 'read' });
    await new Promise((r) => setTimeout(r, 200));
    expect(await settleOrder({ slowRead, read: coll.findOne({ _id: 'x' }) })).toEqual(['read', 'slowRead']);

    // A slow write holds up the next write (FerretDB 1.x loses concurrent updates), not reads.
    const slowWrite = a.db('admin').command({ $tollgateSleep: 1_500 });
    await new Promise((r) => setTimeout(r, 200));
    const write = b.db().collection<{ _id: string }>('r').insertOne({ _id: 'y' });
    await new Promise((r) => setTimeout(r, 100));
    const read = coll.findOne({ _id: 'x' });
    expect(await settleOrder({ slowWrite, write, read })).toEqual(['read', 'slowWrite', 'write']);
    expect(await slowWrite).toMatchObject({ ok: 1 });
    expect(await coll.countDocuments({})).toBe(2);
  });
});
