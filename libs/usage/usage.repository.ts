import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { bulkItemErrors, DUPLICATE_KEY, isDuplicateKey } from '@tollgate/persistence';
import type { UsageDayTotals, UsageMonthTotals } from '@tollgate/queue';
import { UsageDailyDocument, UsageMonthlyDocument, UsageTokenDailyDocument } from './usage.schema';

export interface UsageRow {
  api: string;
  bucket: string;
  transactions: number;
  /** Sum of the requests' costs (equal to the transactions where no route has another cost). */
  credits: number;
  tokenId?: string;
}

/**
 * Running totals to store in one document: each value (by path: `transactions`, `credits`,
 * `hours.13`, ...) becomes max(stored, total).
 */
type Total = { id: string; values: Record<string, number>; fields: Record<string, string> };
type Op = { updateOne: { filter: { _id: string }; update: Record<string, unknown>; upsert: true } };

const maxUpsert = ({ id, values, fields }: Total): Op => ({
  updateOne: { filter: { _id: id }, update: { $max: values, $setOnInsert: fields }, upsert: true },
});

/** The values as a new document holds them: `hours.13` → `{ hours: { 13: n } }`. */
function nested(values: Record<string, number>): Record<string, unknown> {
  const doc: Record<string, Record<string, number> | number> = {};
  for (const [path, n] of Object.entries(values)) {
    const dot = path.indexOf('.');
    if (dot < 0) doc[path] = n;
    else ((doc[path.slice(0, dot)] ??= {}) as Record<string, number>)[path.slice(dot + 1)] = n;
  }
  return doc;
}

/** A day's values of one API: requests and credits, in total and per hour. */
function dayValues(d: UsageDayTotals, api: string, total: number): Record<string, number> {
  const values: Record<string, number> = { transactions: total, credits: d.credits?.[api] ?? total };
  for (const [hh, n] of Object.entries(d.hours?.[api] ?? {})) {
    values[`hours.${hh}`] = n;
    values[`hourCredits.${hh}`] = d.hourCredits?.[api]?.[hh] ?? n;
  }
  return values;
}

/**
 * Statements per bulkWrite. The local store (FerretDB 1.24) holds a backend connection per statement
 * for the whole command and has 100: a write with more never returns. Our own writes stay far below.
 */
export const MAX_STATEMENTS_PER_WRITE = 50;
/** Documents per insertMany of totals seen for the first time (one batched insert in the store). */
const MAX_DOCS_PER_INSERT = 500;
/**
 * Totals this process stored (so the document exists and holds at least that much), remembered to
 * skip a doomed insert and a no-op update: a few MB.
 */
const KNOWN_IDS = 100_000;

/**
 * A segment's id suffix: totals counted in an access-state epoch are stored apart from other epochs'
 * (each is a running total that restarted from zero), and totals from before epochs keep their ids.
 */
const seg = (epoch: string | undefined) => (epoch ? `#${epoch}` : '');
const segField = (epoch: string | undefined): Record<string, string> => (epoch ? { epoch } : {});

/** Rows of several segments summed per API and bucket. */
function summed(rows: UsageRow[]): UsageRow[] {
  const sums = new Map<string, UsageRow>();
  for (const r of rows) {
    const key = `${r.api}|${r.bucket}|${r.tokenId ?? ''}`;
    const entry = sums.get(key);
    if (entry) {
      entry.transactions += r.transactions;
      entry.credits += r.credits;
    } else sums.set(key, { ...r });
  }
  return [...sums.values()];
}

/** Stored credits; documents written before costs existed have none: their requests cost one each. */
const creditsOf = (d: { transactions: number; credits?: number }) => d.credits ?? d.transactions;

/** The only code that touches the usage collections. Every query takes the account id. */
@Injectable()
export class UsageRepository implements OnModuleInit {
  /** Document id → the largest value of each path this process has stored in it ($max never lowers it). */
  private readonly known = new Map<string, Record<string, number>>();

  constructor(
    @InjectModel(UsageDailyDocument.name) private readonly daily: Model<UsageDailyDocument>,
    @InjectModel(UsageMonthlyDocument.name) private readonly monthly: Model<UsageMonthlyDocument>,
    @InjectModel(UsageTokenDailyDocument.name) private readonly tokenDaily: Model<UsageTokenDailyDocument>,
  ) {}

  async onModuleInit(): Promise<void> {
    await Promise.all([this.daily.createIndexes(), this.monthly.createIndexes(), this.tokenDaily.createIndexes()]);
  }

  /**
   * Stores running totals, each segment (epoch) under its own deterministic id: idempotent and
   * order-insensitive ($max), and a segment that restarted from zero after a Redis loss adds to the
   * earlier ones instead of hiding behind their larger totals.
   */
  async applyTotals(accountId: string, days: UsageDayTotals[], months: UsageMonthTotals[]): Promise<void> {
    const dayOps: Total[] = [];
    const tokenOps: Total[] = [];
    for (const d of days) {
      const base = { accountId, day: d.day, month: d.day.slice(0, 7), year: d.day.slice(0, 4), ...segField(d.epoch) };
      for (const [api, total] of Object.entries(d.apis))
        dayOps.push({
          id: `${accountId}|${d.day}|${api}${seg(d.epoch)}`,
          values: dayValues(d, api, total),
          fields: { ...base, api },
        });
      for (const [api, tokens] of Object.entries(d.tokens))
        for (const [tokenId, total] of Object.entries(tokens))
          tokenOps.push({
            id: `${accountId}|${d.day}|${api}|${tokenId}${seg(d.epoch)}`,
            values: { transactions: total },
            fields: { ...base, api, tokenId },
          });
    }
    const monthOps: Total[] = months.flatMap((m) =>
      Object.entries(m.apis).map(([api, total]) => ({
        id: `${accountId}|${m.month}|${api}${seg(m.epoch)}`,
        values: { transactions: total, credits: m.credits?.[api] ?? total },
        fields: { accountId, api, month: m.month, year: m.month.slice(0, 4), ...segField(m.epoch) },
      })),
    );
    // One collection at a time, in bounded chunks: the store never holds more than one of our
    // writes' statements at once.
    await this.write(this.daily, dayOps);
    await this.write(this.tokenDaily, tokenOps);
    await this.write(this.monthly, monthOps);
  }

  /** Per API and day, all segments summed. */
  async dailyRows(accountId: string, from: string, to: string): Promise<UsageRow[]> {
    const docs = await this.daily
      .find({ accountId: String(accountId), day: { $gte: from, $lte: to } }, { hours: 0, hourCredits: 0 })
      .lean()
      .exec();
    return summed(
      docs.map((d) => ({ api: d.api, bucket: d.day, transactions: d.transactions, credits: creditsOf(d) })),
    );
  }

  /**
   * Per API and UTC hour (`YYYY-MM-DDTHH`, from and to inclusive), all segments summed: the hours are
   * kept in the day's documents, so this reads the days the range touches.
   */
  async hourlyRows(accountId: string, from: string, to: string): Promise<UsageRow[]> {
    const docs = await this.daily
      .find(
        { accountId: String(accountId), day: { $gte: from.slice(0, 10), $lte: to.slice(0, 10) } },
        { api: 1, day: 1, hours: 1, hourCredits: 1 },
      )
      .lean()
      .exec();
    const rows: UsageRow[] = [];
    for (const d of docs)
      for (const [hh, n] of Object.entries(d.hours ?? {})) {
        const bucket = `${d.day}T${hh}`;
        if (bucket >= from && bucket <= to)
          rows.push({ api: d.api, bucket, transactions: n, credits: d.hourCredits?.[hh] ?? n });
      }
    return summed(rows);
  }

  /** Per API and month, all segments summed. */
  async monthlyRows(accountId: string, from: string, to: string): Promise<UsageRow[]> {
    const docs = await this.monthly
      .find({ accountId: String(accountId), month: { $gte: from, $lte: to } })
      .lean()
      .exec();
    return summed(
      docs.map((d) => ({ api: d.api, bucket: d.month, transactions: d.transactions, credits: creditsOf(d) })),
    );
  }

  /**
   * Cross-account (the operator's overview): every account's totals of one day per API, all segments
   * summed; or only those of `accountIds` (an account listing's page).
   */
  async dayRowsAcrossAccounts(day: string, accountIds?: string[]): Promise<(UsageRow & { accountId: string })[]> {
    const query: Record<string, unknown> = { day: String(day) };
    if (accountIds) query.accountId = { $in: accountIds.map(String) };
    const docs = await this.daily
      .find(query, { accountId: 1, api: 1, day: 1, transactions: 1, credits: 1 })
      .lean()
      .exec();
    const sums = new Map<string, UsageRow & { accountId: string }>();
    for (const d of docs) {
      const key = `${d.accountId}|${d.api}`;
      const row = sums.get(key) ?? { accountId: d.accountId, api: d.api, bucket: d.day, transactions: 0, credits: 0 };
      row.transactions += d.transactions;
      row.credits += creditsOf(d);
      sums.set(key, row);
    }
    return [...sums.values()];
  }

  /** Per token, API and day, all segments summed. */
  async tokenDailyRows(accountId: string, from: string, to: string): Promise<UsageRow[]> {
    const docs = await this.tokenDaily
      .find({ accountId: String(accountId), day: { $gte: from, $lte: to } })
      .lean()
      .exec();
    return summed(
      docs.map((d) => ({
        api: d.api,
        bucket: d.day,
        transactions: d.transactions,
        credits: d.transactions,
        tokenId: d.tokenId,
      })),
    );
  }

  /**
   * Totals this process has not stored before are inserted first, in large batches: on the local
   * store one batched insert costs about what a single guarded update does (an account whose 5,000
   * tokens each made a request today is one insert of 5,000 documents in 10 parts, not 5,000
   * read-modify-write updates). A total whose document exists already (stored by another worker, an
   * earlier process, or a redelivered job) fails that insert alone (E11000) and joins the rest as a
   * guarded update ($max), so the result is the same as upserting everything: idempotent and
   * order-insensitive.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private async write(model: Model<any>, all: Total[]): Promise<void> {
    // A snapshot carries every total of a changed day; the ones this process already stored at that
    // value (or more) would be no-op updates: skip them (a day of 5,000 tokens where 10 moved is 10 writes).
    const totals = all.filter((t) => {
      const stored = this.known.get(t.id);
      return !stored || Object.entries(t.values).some(([path, n]) => (stored[path] ?? -Infinity) < n);
    });
    const fresh = totals.filter((t) => !this.known.has(t.id));
    const existing = totals.filter((t) => this.known.has(t.id));
    for (let i = 0; i < fresh.length; i += MAX_DOCS_PER_INSERT) {
      const part = fresh.slice(i, i + MAX_DOCS_PER_INSERT);
      const failed = await this.insertNew(model, part);
      existing.push(...failed);
    }
    await this.upsert(model, existing.map(maxUpsert));
    for (const t of totals) this.remember(t.id, t.values);
  }

  /** Inserts the totals as new documents; returns those that exist already (to be updated instead). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private async insertNew(model: Model<any>, totals: Total[]): Promise<Total[]> {
    try {
      await model.insertMany(
        totals.map((t) => ({ _id: t.id, ...nested(t.values), ...t.fields })),
        { ordered: false, lean: true },
      );
      return [];
    } catch (err) {
      const failed = bulkItemErrors(err);
      // Anything but "exists already" is a real failure: the job fails and is retried.
      if (!failed || failed.some((f) => f.code !== DUPLICATE_KEY || f.index < 0)) throw err;
      const duplicates = new Set(failed.map((f) => f.index));
      return totals.filter((_, i) => duplicates.has(i));
    }
  }

  /**
   * Two workers upserting the same new _id at once: one insert loses with E11000. The document then
   * exists, so replaying the batch turns every upsert into a plain guarded update.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private async upsert(model: Model<any>, ops: Op[]): Promise<void> {
    for (let i = 0; i < ops.length; i += MAX_STATEMENTS_PER_WRITE) {
      const chunk = ops.slice(i, i + MAX_STATEMENTS_PER_WRITE);
      for (let attempt = 0; ; attempt++) {
        try {
          await model.bulkWrite(chunk as never, { ordered: false });
          break;
        } catch (err) {
          if (!isDuplicateKey(err) || attempt >= 3) throw err;
        }
      }
    }
  }

  private remember(id: string, values: Record<string, number>): void {
    const stored = { ...this.known.get(id) };
    for (const [path, n] of Object.entries(values)) stored[path] = Math.max(n, stored[path] ?? -Infinity);
    this.known.delete(id);
    if (this.known.size >= KNOWN_IDS) this.known.delete(this.known.keys().next().value as string);
    this.known.set(id, stored);
  }
}
