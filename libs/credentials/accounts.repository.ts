import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ConflictError } from '@tollgate/domain-errors';
import type { Account, AccountPolicy, AccountStatus, ClientSecretRecord } from './account.types';
import { AccountDocument } from './account.schema';

type Lean = Omit<AccountDocument, '_id'> & { _id: string };

function toAccount(doc: Lean): Account {
  return {
    id: doc._id,
    name: doc.name,
    clientId: doc.clientId,
    secrets: (doc.secrets ?? []).map((s) => ({ id: s.id, hash: s.hash, createdAt: s.createdAt, expiresAt: s.expiresAt ?? null })),
    status: doc.status as AccountStatus,
    tokenTtlSeconds: doc.tokenTtlSeconds,
    maxActiveTokens: doc.maxActiveTokens,
    scopes: doc.scopes ?? [],
    throttle: { ...doc.throttle, scope: doc.throttle.scope as Account['throttle']['scope'], warnAt: doc.throttle.warnAt ?? [] },
    quotas: (doc.quotas ?? []).map((q) => ({ ...q, period: q.period as 'month' | 'day', enforce: q.enforce as 'hard' | 'alert', warnAt: q.warnAt ?? [] })),
    allowedOrigins: doc.allowedOrigins ?? [],
    alertWebhookUrl: doc.alertWebhookUrl ?? null,
    alertWebhookSecret: doc.alertWebhookSecret ?? '',
    tokenGeneration: doc.tokenGeneration ?? 0,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

const isDuplicateKey = (err: unknown) => (err as { code?: number })?.code === 11000;

/** The only code that touches the `accounts` collection. Accounts are the tenants themselves. */
@Injectable()
export class AccountsRepository implements OnModuleInit {
  constructor(@InjectModel(AccountDocument.name) private readonly model: Model<AccountDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  async insert(account: Account): Promise<Account> {
    const { id, ...rest } = account;
    try {
      await this.model.create({ _id: id, ...rest });
    } catch (err) {
      if (isDuplicateKey(err)) throw new ConflictError('account_exists', `an account named ${JSON.stringify(account.name)} already exists`);
      throw err;
    }
    return account;
  }

  async findById(accountId: string): Promise<Account | null> {
    const doc = await this.model.findById(String(accountId)).lean<Lean>().exec();
    return doc ? toAccount(doc) : null;
  }

  async findByName(name: string): Promise<Account | null> {
    const doc = await this.model.findOne({ name: String(name) }).lean<Lean>().exec();
    return doc ? toAccount(doc) : null;
  }

  /** Client authentication: the account whose clientId, or whose name (the alias), is `login`. */
  async findByLogin(login: string): Promise<Account | null> {
    const value = String(login);
    const doc = await this.model.findOne({ $or: [{ clientId: value }, { name: value }] }).lean<Lean>().exec();
    return doc ? toAccount(doc) : null;
  }

  async updatePolicy(accountId: string, patch: Partial<AccountPolicy> & { status?: AccountStatus }, now: Date): Promise<Account | null> {
    const doc = await this.model
      .findOneAndUpdate({ _id: String(accountId) }, { $set: { ...patch, updatedAt: now } }, { returnDocument: 'after' })
      .lean<Lean>()
      .exec();
    return doc ? toAccount(doc) : null;
  }

  /** Adds a secret and sets the grace expiry of the ones it replaces, in one update. */
  async rotateSecret(accountId: string, secret: ClientSecretRecord, retire: { id: string; expiresAt: Date }[], keep: ClientSecretRecord[], now: Date): Promise<void> {
    const retiredIds = new Map(retire.map((r) => [r.id, r.expiresAt]));
    const secrets = [...keep.map((s) => ({ ...s, expiresAt: retiredIds.get(s.id) ?? s.expiresAt ?? null })), secret];
    await this.model.updateOne({ _id: String(accountId) }, { $set: { secrets, updatedAt: now } }).exec();
  }

  /** Bumps the token generation ("revoke all") and returns the new value. */
  async bumpTokenGeneration(accountId: string, now: Date): Promise<number> {
    const doc = await this.model
      .findOneAndUpdate({ _id: String(accountId) }, { $inc: { tokenGeneration: 1 }, $set: { updatedAt: now } }, { returnDocument: 'after' })
      .lean<Lean>()
      .exec();
    return doc?.tokenGeneration ?? 0;
  }
}
