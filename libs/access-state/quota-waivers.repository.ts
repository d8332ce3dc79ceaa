import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { QuotaWaiver } from './access-record';
import { QuotaWaiverDocument } from './quota-waiver.schema';

/** The only code that touches the `quota_waivers` collection. Every query takes the account id. */
@Injectable()
export class QuotaWaiversRepository implements OnModuleInit {
  constructor(@InjectModel(QuotaWaiverDocument.name) private readonly model: Model<QuotaWaiverDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  /** Idempotent: deterministic ids, upserted. */
  async record(accountId: string, waivers: QuotaWaiver[], now: Date): Promise<void> {
    if (!waivers.length) return;
    await this.model.bulkWrite(
      waivers.map((w) => ({
        updateOne: {
          filter: { _id: `${accountId}|${w.api}|${w.period}|${w.key}` },
          update: { $setOnInsert: { accountId, api: w.api, period: w.period, key: w.key, createdAt: now } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  /** The account's waivers of the given period keys (the current hour, day and month). */
  async current(accountId: string, keys: string[]): Promise<QuotaWaiver[]> {
    const docs = await this.model
      .find({ accountId: String(accountId), key: { $in: keys.map(String) } })
      .lean()
      .exec();
    return docs.map((d) => ({ api: d.api, period: d.period as QuotaWaiver['period'], key: d.key }));
  }
}
