import { randomBytes } from 'node:crypto';
import { MongoBulkWriteError, MongoClient, type Collection, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * What our code assumes of any MongoDB-wire store, checked on the one the suite runs against (the
 * local FerretDB by default): a large bulk of updates completes, and single-document writes stay
 * atomic while reads run beside them.
 */
let client: MongoClient;
let db: Db;

beforeAll(async () => {
  const url = new URL(inject('services').mongoUrl);
  url.pathname = `/tg_test_store_${randomBytes(4).toString('hex')}`;
  client = await new MongoClient(url.toString(), { maxPoolSize: 50 }).connect();
  db = client.db();
});
afterAll(async () => {
  await db?.dropDatabase();
  await client?.close();
});

async function seed(coll: Collection<{ _id: string; n: number; key?: string }>, count: number): Promise<void> {
  await coll.insertMany(Array.from({ length: count }, (_, i) => ({ _id: `d${i}`, n: 0, key: `k${i}` })));
}

describe('store: large bulk writes', () => {
  // FerretDB 1.24 holds one backend pool connection per statement of an update until the command
  // ends; a usage snapshot for an account with 101 tokens hung the store (issue 12). The bulk
  // below has more statements than any backend pool, on documents that exist (the hanging case).
  it('runs one bulkWrite of 150 updateOne on existing documents and 150 upserts, and counts them', async () => {
    const coll = db.collection<{ _id: string; n: number; key?: string }>('bulk_existing');
    await seed(coll, 150);
    const existing = await coll.bulkWrite(
      Array.from({ length: 150 }, (_, i) => ({
        updateOne: { filter: { _id: `d${i}` }, update: { $max: { n: i + 1 } }, upsert: true },
      })),
    );
    expect(existing.matchedCount).toBe(150);
    expect(existing.modifiedCount).toBe(150);
    expect(existing.upsertedCount).toBe(0);

    const fresh = await coll.bulkWrite(
      Array.from({ length: 150 }, (_, i) => ({
        updateOne: { filter: { _id: `new${i}` }, update: { $inc: { n: 1 } }, upsert: true },
      })),
    );
    expect(fresh.upsertedCount).toBe(150);
    // The driver maps each upserted id back to its statement: the index must be the statement's
    // own, also past the first 32 (the proxy sends large updates to FerretDB in parts).
    expect(fresh.upsertedIds[149]).toBe('new149');
    expect(fresh.upsertedIds[40]).toBe('new40');
    expect(await coll.countDocuments({})).toBe(300);
    expect((await coll.findOne({ _id: 'd149' }))?.n).toBe(150);
  });

  it('stops an ordered bulk at its first failing statement, past the first part, with DuplicateKey', async () => {
    const coll = db.collection<{ _id: string; n: number; key?: string }>('bulk_ordered');
    await coll.createIndex({ key: 1 }, { unique: true });
    await seed(coll, 120);
    // Statement 100 gives d100 the key that d0 already has: a unique index violation.
    const ops = Array.from({ length: 120 }, (_, i) => ({
      updateOne: { filter: { _id: `d${i}` }, update: i === 100 ? { $set: { key: 'k0' } } : { $set: { n: 1 } } },
    }));
    const err = await coll.bulkWrite(ops, { ordered: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoBulkWriteError);
    // MongoDB reports it as a write error of statement 100; FerretDB as a command error of the
    // update. Both give DuplicateKey, which is what our code checks (the proxy turns FerretDB's
    // code 1 for a unique violation by an update into 11000).
    expect((err as MongoBulkWriteError).code).toBe(11000);
    // Ordered: the 100 statements before it ran, none after it.
    expect(await coll.countDocuments({ n: 1 })).toBe(100);
    expect((await coll.findOne({ _id: 'd101' }))?.n).toBe(0);
  });
});

describe('store: single-document writes stay atomic while reads run beside them', () => {
  it('keeps all 200 parallel $inc on one document, with 200 reads in flight', async () => {
    const coll = db.collection<{ _id: string; n: number }>('counter');
    await coll.insertOne({ _id: 'c', n: 0 });
    await coll.insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: `other${i}`, n: i })));
    const reads: Promise<unknown>[] = [];
    const incs = Array.from({ length: 200 }, (_, i) => {
      reads.push(
        coll
          .find({ n: { $gte: 0 } })
          .limit(10)
          .toArray(),
        coll.findOne({ _id: `other${i % 50}` }),
      );
      return coll.updateOne({ _id: 'c' }, { $inc: { n: 1 } });
    });
    const results = await Promise.all(incs);
    await Promise.all(reads);
    expect(results.every((r) => r.modifiedCount === 1)).toBe(true);
    expect((await coll.findOne({ _id: 'c' }))?.n).toBe(200);
  });

  it('keeps all 100 parallel findOneAndUpdate upserts on one key as one document', async () => {
    const coll = db.collection<{ _id: string; n: number }>('upserts');
    await Promise.all(
      Array.from({ length: 100 }, () => coll.findOneAndUpdate({ _id: 'u' }, { $inc: { n: 1 } }, { upsert: true })),
    );
    expect(await coll.find({}).toArray()).toEqual([{ _id: 'u', n: 100 }]);
  });
});
