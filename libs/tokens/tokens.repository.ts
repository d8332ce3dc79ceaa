import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { ThrottlePolicy } from '@tollgate/credentials';
import { TokenDocument } from './token.schema';
import type { TokenRecord } from './token.types';

type Lean = Omit<TokenDocument, '_id'> & { _id: string };

function toRecord(doc: Lean): TokenRecord {
  return {
    id: doc._id,
    accountId: doc.accountId,
    tokenHash: doc.tokenHash,
    scopes: doc.scopes ?? [],
    issuedAt: doc.issuedAt,
    expiresAt: doc.expiresAt,
    revokedAt: doc.revokedAt ?? null,
    generation: doc.generation,
    throttle: { ...doc.throttle, scope: doc.throttle.scope as ThrottlePolicy['scope'], warnAt: doc.throttle.warnAt ?? [] },
    via: doc.via as TokenRecord['via'],
  };
}

/** The only code that touches the `tokens` collection. Every tenant query takes the account id. */
@Injectable()
export class TokensRepository implements OnModuleInit {
  constructor(@InjectModel(TokenDocument.name) private readonly model: Model<TokenDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  async insert(token: TokenRecord): Promise<void> {
    const { id, ...rest } = token;
    await this.model.create({ _id: id, ...rest });
  }

  /**
   * By hash, across accounts: the one lookup that cannot be tenant-scoped, because a bearer token is
   * all the caller presents. The hash of a 256-bit random value is not guessable.
   */
  async findByHash(tokenHash: string): Promise<TokenRecord | null> {
    const doc = await this.model.findOne({ tokenHash: String(tokenHash) }).lean<Lean>().exec();
    return doc ? toRecord(doc) : null;
  }

  async findById(accountId: string, tokenId: string): Promise<TokenRecord | null> {
    const doc = await this.model.findOne({ _id: String(tokenId), accountId: String(accountId) }).lean<Lean>().exec();
    return doc ? toRecord(doc) : null;
  }

  /** Operator-only: which account a token id belongs to (the operator API addresses tokens by id). */
  async findAccountIdOfToken(tokenId: string): Promise<string | null> {
    const doc = await this.model.findOne({ _id: String(tokenId) }, { accountId: 1 }).lean<{ accountId: string }>().exec();
    return doc?.accountId ?? null;
  }

  async listActive(accountId: string, now: Date, minGeneration: number): Promise<TokenRecord[]> {
    const docs = await this.model
      .find({ accountId: String(accountId), revokedAt: null, expiresAt: { $gt: now }, generation: { $gte: minGeneration } })
      .sort({ issuedAt: 1, _id: 1 })
      .lean<Lean[]>()
      .exec();
    return docs.map(toRecord);
  }

  /** Revoked tokens that have not expired yet: the marks a rebuilt Redis state must hold. */
  async listRevokedUnexpired(accountId: string, now: Date, minGeneration: number): Promise<{ id: string; expiresAt: Date }[]> {
    const docs = await this.model
      .find({ accountId: String(accountId), revokedAt: { $ne: null }, expiresAt: { $gt: now }, generation: { $gte: minGeneration } }, { _id: 1, expiresAt: 1 })
      .lean<{ _id: string; expiresAt: Date }[]>()
      .exec();
    return docs.map((d) => ({ id: d._id, expiresAt: d.expiresAt }));
  }

  /** Marks a token revoked; true if it was live before. */
  async revoke(accountId: string, tokenId: string, now: Date): Promise<boolean> {
    const res = await this.model.updateOne({ _id: String(tokenId), accountId: String(accountId), revokedAt: null }, { $set: { revokedAt: now } }).exec();
    return res.modifiedCount > 0;
  }

  /**
   * Maintenance across accounts (the one non-tenant write): deletes records of tokens that expired,
   * or were revoked, before `before`.
   */
  async deleteEndedBefore(before: Date): Promise<number> {
    const res = await this.model.deleteMany({ $or: [{ expiresAt: { $lt: before } }, { revokedAt: { $lt: before } }] }).exec();
    return res.deletedCount;
  }

  async revokeAll(accountId: string, now: Date): Promise<number> {
    const res = await this.model.updateMany({ accountId: String(accountId), revokedAt: null, expiresAt: { $gt: now } }, { $set: { revokedAt: now } }).exec();
    return res.modifiedCount;
  }
}
