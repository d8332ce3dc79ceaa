// Store probe: the query shapes Tollgate's hot paths use, timed against one
// MongoDB-wire server. It compares FerretDB's backends (README, "MongoDB vs
// FerretDB"); it is a measurement, not a test.
//
//   node tools/ferretdb/probe.mjs mongodb://127.0.0.1:PORT [docs=10000]
//
// It works in its own database (probe_<random>) and drops it at the end.
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';

const url = process.argv[2];
const N = Number(process.argv[3] ?? 10_000);
if (!url) {
  console.error('usage: node tools/ferretdb/probe.mjs MONGO_URL [docs]');
  process.exit(2);
}
const COUNTRIES = ['JP', 'US', 'DE', 'FR', 'GB', 'IT', 'ES', 'NL', 'SE', 'NO', 'FI', 'DK', 'PL', 'CZ', 'AT', 'CH', 'BE', 'PT', 'IE', 'CA'];

const client = new MongoClient(url, { maxPoolSize: 32 });
await client.connect();
const db = client.db(`probe_${randomBytes(4).toString('hex')}`);
const companies = db.collection('companies');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timed(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
async function medianOf(runs, fn) {
  const xs = [];
  for (let i = 0; i < runs; i++) xs.push(await timed(() => fn(i)));
  return median(xs);
}
const rows = [];
const row = (what, value) => {
  rows.push([what, value]);
  console.error(`${what}: ${value}`);
};
const ms = (x) => `${x.toFixed(1)} ms`;
const perSec = (n, t) => `${Math.round((n * 1000) / t)}/s`;

await companies.createIndex({ domain: 1 }, { unique: true });
await companies.createIndex({ country: 1, name: 1 });
const docs = Array.from({ length: N }, (_, i) => ({
  _id: `cmp_${i.toString().padStart(6, '0')}`,
  name: `Company ${randomBytes(4).toString('hex')}`,
  domain: `c${i}.example`,
  country: COUNTRIES[i % COUNTRIES.length],
  industry: `ind${i % 37}`,
  employees: i % 5000,
}));
row(`insertMany ${N} docs (batches of 1,000)`, perSec(N, await timed(async () => {
  for (let i = 0; i < N; i += 1000) await companies.insertMany(docs.slice(i, i + 1000), { ordered: false });
})));

const rnd = () => Math.floor(Math.random() * N);
row('equality on an indexed field, sort, limit 20 (country=JP by name)', ms(await medianOf(15, () => companies.find({ country: 'JP' }).sort({ name: 1 }).limit(20).toArray())));
row('unique-field lookup (domain)', ms(await medianOf(100, () => companies.findOne({ domain: `c${rnd()}.example` }))));
row('_id lookup', ms(await medianOf(100, () => companies.findOne({ _id: `cmp_${rnd().toString().padStart(6, '0')}` }))));
row('countDocuments with equality (country=JP)', ms(await medianOf(15, () => companies.countDocuments({ country: 'JP' }))));
row('20 parallel equality reads (limit 20, sorted), wall time', ms(await medianOf(5, () =>
  Promise.all(COUNTRIES.map((c) => companies.find({ country: c }).sort({ name: 1 }).limit(20).toArray())),
)));
row('20 parallel _id lookups, wall time', ms(await medianOf(5, () =>
  Promise.all(COUNTRIES.map(() => companies.findOne({ _id: `cmp_${rnd().toString().padStart(6, '0')}` }))),
)));

const tokens = db.collection('tokens');
await tokens.createIndex({ accountId: 1, createdAt: 1 });
const single = 1000;
row(`insertOne, one client, ${single} in a row`, perSec(single, await timed(async () => {
  for (let i = 0; i < single; i++) await tokens.insertOne({ _id: randomBytes(16).toString('hex'), accountId: `acc_${i % 50}`, createdAt: new Date() });
})));
row(`insertOne, 8 clients, ${single} in all`, perSec(single, await timed(() =>
  Promise.all(Array.from({ length: 8 }, async () => {
    for (let i = 0; i < single / 8; i++) await tokens.insertOne({ _id: randomBytes(16).toString('hex'), accountId: `acc_${i % 50}`, createdAt: new Date() });
  })),
)));

const usage = db.collection('usage');
const upserts = 1000;
row(`updateOne upsert $inc, one client, ${upserts} in a row (200 keys)`, perSec(upserts, await timed(async () => {
  for (let i = 0; i < upserts; i++) await usage.updateOne({ _id: `u_${i % 200}` }, { $inc: { n: 1 } }, { upsert: true });
})));
row(`bulkWrite of 500 updateOne upserts (existing keys)`, perSec(500, await timed(() =>
  usage.bulkWrite(Array.from({ length: 500 }, (_, i) => ({ updateOne: { filter: { _id: `u_${i % 200}_b${i}` }, update: { $max: { n: i } }, upsert: true } }))),
)));
const total = (await usage.find({ _id: { $in: Array.from({ length: 200 }, (_, i) => `u_${i}`) } }).toArray()).reduce((s, d) => s + d.n, 0);
row('upserts counted (must equal the number sent)', `${total} of ${upserts}`);

await db.dropDatabase();
await client.close();
console.log(JSON.stringify(rows));
