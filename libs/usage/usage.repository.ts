import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { UsageDayTotals, UsageMonthTotals } from '@tollgate/queue';
import { UsageDailyDocument, UsageMonthlyDocument, UsageTokenDailyDocument } from './usage.schema';

export interface UsageRow {
  api: string;
  bucket: string;
  transactions: number;
  tokenId?: string;
}

type Op = { updateOne: { filter: { _id: string }; update: Record<string, unknown>; upsert: true } };

const maxUpsert = (id: string, total: number, fields: Record<string, string>): Op => ({
  updateOne: { filter: { _id: id }, update: { $max: { transactions: total }, $setOnInsert: fields }, upsert: true },
});

/** The only code that touches the usage collections. Every query takes the account id. */
@Injectable()
export class UsageRepository implements OnModuleInit {
  constructor(
    @InjectModel(UsageDailyDocument.name) private readonly daily: Model<UsageDailyDocument>,
    @InjectModel(UsageMonthlyDocument.name) private readonly monthly: Model<UsageMonthlyDocument>,
    @InjectModel(UsageTokenDailyDocument.name) private readonly tokenDaily: Model<UsageTokenDailyDocument>,
  ) {}

  async onModuleInit(): Promise<void> {
    await Promise.all([this.daily.createIndexes(), this.monthly.createIndexes(), this.tokenDaily.createIndexes()]);
  }

  /** Stores running totals; idempotent and order-insensitive ($max on deterministic ids). */
  async applyTotals(accountId: string, days: UsageDayTotals[], months: UsageMonthTotals[]): Promise<void> {
    const dayOps: Op[] = [];
    const tokenOps: Op[] = [];
    for (const d of days) {
      const base = { accountId, day: d.day, month: d.day.slice(0, 7), year: d.day.slice(0, 4) };
      for (const [api, total] of Object.entries(d.apis)) dayOps.push(maxUpsert(`${accountId}|${d.day}|${api}`, total, { ...base, api }));
      for (const [api, tokens] of Object.entries(d.tokens))
        for (const [tokenId, total] of Object.entries(tokens)) tokenOps.push(maxUpsert(`${accountId}|${d.day}|${api}|${tokenId}`, total, { ...base, api, tokenId }));
    }
    const monthOps = months.flatMap((m) =>
      Object.entries(m.apis).map(([api, total]) => maxUpsert(`${accountId}|${m.month}|${api}`, total, { accountId, api, month: m.month, year: m.month.slice(0, 4) })),
    );
    await Promise.all([this.write(this.daily, dayOps), this.write(this.tokenDaily, tokenOps), this.write(this.monthly, monthOps)]);
  }

  async dailyRows(accountId: string, from: string, to: string): Promise<UsageRow[]> {
    const docs = await this.daily.find({ accountId: String(accountId), day: { $gte: from, $lte: to } }).lean().exec();
    return docs.map((d) => ({ api: d.api, bucket: d.day, transactions: d.transactions }));
  }

  async monthlyRows(accountId: string, from: string, to: string): Promise<UsageRow[]> {
    const docs = await this.monthly.find({ accountId: String(accountId), month: { $gte: from, $lte: to } }).lean().exec();
    return docs.map((d) => ({ api: d.api, bucket: d.month, transactions: d.transactions }));
  }

  async tokenDailyRows(accountId: string, from: string, to: string): Promise<UsageRow[]> {
    const docs = await this.tokenDaily.find({ accountId: String(accountId), day: { $gte: from, $lte: to } }).lean().exec();
    return docs.map((d) => ({ api: d.api, bucket: d.day, transactions: d.transactions, tokenId: d.tokenId }));
  }

  /**
   * Two workers upserting the same new _id at once: one insert loses with E11000. The document then
   * exists, so replaying the batch turns every upsert into a plain guarded update.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private async write(model: Model<any>, ops: Op[]): Promise<void> {
    if (!ops.length) return;
    for (let attempt = 0; ; attempt++) {
      try {
        await model.bulkWrite(ops as never, { ordered: false });
        return;
      } catch (err) {
        if ((err as { code?: number }).code !== 11000 || attempt >= 3) throw err;
      }
    }
  }
}
