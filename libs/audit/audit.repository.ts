import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AuditEntryDocument } from './audit-entry.schema';
import type { AuditEntry, AuditFilter } from './audit-entry.types';

type Lean = AuditEntryDocument;

const toEntry = (d: Lean): AuditEntry => ({
  id: d._id,
  at: d.at,
  actor: d.actor,
  actorKind: d.actorKind as AuditEntry['actorKind'],
  action: d.action,
  target: {
    type: d.targetType,
    ...(d.targetId ? { id: d.targetId } : {}),
    ...(d.targetName ? { name: d.targetName } : {}),
  },
  ...(d.accountId ? { accountId: d.accountId } : {}),
  ...(d.accountName ? { accountName: d.accountName } : {}),
  changes: d.changes ?? [],
  ...(d.detail ? { detail: d.detail } : {}),
  ...(d.requestId ? { requestId: d.requestId } : {}),
});

/**
 * The only code that touches `audit_log`. Append-only by construction: there is an insert, a
 * listing, and the retention purge; no method updates or deletes a given entry. Listing is the
 * operator's cross-account view (any account, or one named by `account`).
 */
@Injectable()
export class AuditRepository implements OnModuleInit {
  constructor(@InjectModel(AuditEntryDocument.name) private readonly model: Model<AuditEntryDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  async insert(entry: AuditEntry): Promise<void> {
    await this.model.create({
      _id: entry.id,
      at: entry.at,
      actor: entry.actor,
      actorKind: entry.actorKind,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id,
      targetName: entry.target.name,
      accountId: entry.accountId,
      accountName: entry.accountName,
      changes: entry.changes,
      detail: entry.detail,
      requestId: entry.requestId,
    });
  }

  async listAcrossAccounts(filter: AuditFilter): Promise<AuditEntry[]> {
    const query: Record<string, unknown> = {};
    // An account by id or by name: both are stored on the entry, so a deleted account's history is found too.
    if (filter.account) query.$or = [{ accountId: String(filter.account) }, { accountName: String(filter.account) }];
    if (filter.actor) query.actor = String(filter.actor);
    if (filter.action) query.action = String(filter.action);
    if (filter.since) query.at = { $gte: filter.since };
    const docs = await this.model
      .find(query)
      .sort({ at: -1, _id: -1 })
      .skip(filter.skip)
      .limit(filter.limit)
      .lean<Lean[]>()
      .exec();
    return docs.map(toEntry);
  }

  /** The retention purge (the worker's): entries older than `before`. */
  async deleteOlderThan(before: Date): Promise<number> {
    const res = await this.model.deleteMany({ at: { $lt: before } }).exec();
    return res.deletedCount ?? 0;
  }
}
