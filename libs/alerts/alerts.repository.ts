import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { bulkItemErrors, DUPLICATE_KEY, isDuplicateKey } from '@tollgate/persistence';
import { AlertDocument } from './alert.schema';
import type { Alert, AlertType } from './alert.types';

type Lean = Omit<AlertDocument, '_id'> & { _id: string };

/**
 * The period an alert belongs to, as ISO 8601: a throttling window starts at an instant (recorded by
 * the admission script as epoch milliseconds, and kept so in the record because the alert's
 * deterministic id is built from it) and is shown as a date-time; a quota period is recorded as its
 * day (`YYYY-MM-DD`) or month (`YYYY-MM`) already.
 */
const isoPeriod = (period: string): string =>
  /^\d{1,15}$/.test(period) ? new Date(Number(period)).toISOString() : period;

const toAlert = (d: Lean): Alert => ({
  id: d._id,
  accountId: d.accountId,
  type: d.type as AlertType,
  api: d.api,
  tokenId: d.tokenId,
  threshold: d.threshold,
  limit: d.limit,
  count: d.count,
  period: isoPeriod(d.period),
  until: d.until ? d.until.toISOString() : null,
  scope: d.scope ?? null,
  at: d.at.toISOString(),
  deliveredAt: d.deliveredAt ? d.deliveredAt.toISOString() : null,
});

export interface AlertFilter {
  type?: AlertType;
  since?: Date;
  skip: number;
  limit: number;
}

/** The only code that touches `alerts`. Tenant queries take the account id; the operator's cross-account listing says so in its name. */
@Injectable()
export class AlertsRepository implements OnModuleInit {
  constructor(@InjectModel(AlertDocument.name) private readonly model: Model<AlertDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  /** Inserts the alerts not recorded yet; returns the ids that are new. */
  async insertNew(docs: Lean[]): Promise<string[]> {
    if (!docs.length) return [];
    try {
      const res = await this.model.insertMany(docs, { ordered: false, rawResult: true } as never);
      void res;
      return docs.map((d) => d._id);
    } catch (err) {
      const items = bulkItemErrors(err);
      if (!items && !isDuplicateKey(err)) throw err;
      // Recorded already (a re-delivered job): not new. Anything else fails the job, which is retried.
      if (items?.some((f) => f.code !== DUPLICATE_KEY)) throw err;
      const failed = new Set((items ?? []).map((f) => f.index));
      return docs.filter((_d, i) => !failed.has(i)).map((d) => d._id);
    }
  }

  async listForAccount(accountId: string, filter: AlertFilter): Promise<Alert[]> {
    return this.find({ accountId: String(accountId) }, filter);
  }

  async listAcrossAccounts(filter: AlertFilter & { accountId?: string }): Promise<Alert[]> {
    return this.find(filter.accountId ? { accountId: String(filter.accountId) } : {}, filter);
  }

  async findById(accountId: string, alertId: string): Promise<Alert | null> {
    const doc = await this.model
      .findOne({ _id: String(alertId), accountId: String(accountId) })
      .lean<Lean>()
      .exec();
    return doc ? toAlert(doc) : null;
  }

  /** Of these alert ids, the ones not delivered yet. */
  async undelivered(accountId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const docs = await this.model
      .find({ accountId: String(accountId), _id: { $in: ids.map(String) }, deliveredAt: null }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    return docs.map((d) => d._id);
  }

  async markDelivered(accountId: string, alertId: string, now: Date): Promise<void> {
    await this.model
      .updateOne(
        { _id: String(alertId), accountId: String(accountId), deliveredAt: null },
        { $set: { deliveredAt: now, lastDeliveryError: null }, $inc: { deliveryAttempts: 1 } },
      )
      .exec();
  }

  async markAttemptFailed(accountId: string, alertId: string, error: string): Promise<void> {
    await this.model
      .updateOne(
        { _id: String(alertId), accountId: String(accountId) },
        { $set: { lastDeliveryError: error.slice(0, 200) }, $inc: { deliveryAttempts: 1 } },
      )
      .exec();
  }

  private async find(base: Record<string, unknown>, filter: AlertFilter): Promise<Alert[]> {
    const query: Record<string, unknown> = { ...base };
    if (filter.type) query.type = filter.type;
    const at: Record<string, Date> = {};
    if (filter.since) at.$gte = filter.since;
    if (Object.keys(at).length) query.at = at;
    const docs = await this.model
      .find(query)
      .sort({ at: -1, _id: -1 })
      .skip(filter.skip)
      .limit(filter.limit)
      .lean<Lean[]>()
      .exec();
    return docs.map(toAlert);
  }
}
