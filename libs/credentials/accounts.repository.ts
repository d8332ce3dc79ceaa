import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ConflictError } from '@tollgate/domain-errors';
import type {
  Account,
  AccountPolicy,
  AccountStatus,
  ClientSecretRecord,
  CreditPolicy,
  QuotaPolicy,
  TokenLimitPolicy,
} from './account.types';
import { AccountDocument } from './account.schema';
import { AccountLoginDocument } from './account-login.schema';

type Lean = Omit<AccountDocument, '_id'> & { _id: string };
type LoginLean = Omit<AccountLoginDocument, 'account'> & { account: Lean };

function toAccount(doc: Lean): Account {
  return {
    id: doc._id,
    name: doc.name,
    clientId: doc.clientId,
    secrets: (doc.secrets ?? []).map((s) => ({
      id: s.id,
      hash: s.hash,
      createdAt: s.createdAt,
      expiresAt: s.expiresAt ?? null,
    })),
    status: doc.status as AccountStatus,
    tokenTtlSeconds: doc.tokenTtlSeconds,
    maxActiveTokens: doc.maxActiveTokens,
    scopes: doc.scopes ?? [],
    throttle: {
      limit: doc.throttle.limit,
      periodSeconds: doc.throttle.periodSeconds,
      lockoutSeconds: doc.throttle.lockoutSeconds,
      scope: doc.throttle.scope as Account['throttle']['scope'],
      warnAt: doc.throttle.warnAt ?? [],
      // Absent rather than null when there is none: the documented shape of an optional object.
      ...(doc.throttle.burst
        ? { burst: { limit: doc.throttle.burst.limit, periodSeconds: doc.throttle.burst.periodSeconds } }
        : {}),
      apis: (doc.throttle.apis ?? []).map((w) => ({
        api: w.api ?? '',
        limit: w.limit,
        periodSeconds: w.periodSeconds,
      })),
    },
    quotas: (doc.quotas ?? []).map((q) => ({
      ...q,
      period: q.period as QuotaPolicy['period'],
      enforce: q.enforce as 'hard' | 'alert',
      warnAt: q.warnAt ?? [],
    })),
    credits: doc.credits
      ? {
          monthly: doc.credits.monthly,
          enforce: doc.credits.enforce as CreditPolicy['enforce'],
          warnAt: doc.credits.warnAt ?? [],
        }
      : null,
    allowedOrigins: doc.allowedOrigins ?? [],
    allowedIps: doc.allowedIps ?? [],
    tokenLimit: (doc.tokenLimit as TokenLimitPolicy | undefined) ?? 'refuse',
    metadata: Object.fromEntries((doc.metadata ?? []).map((e) => [e.key, e.value])),
    alertWebhookUrl: doc.alertWebhookUrl ?? null,
    alertWebhookSecret: doc.alertWebhookSecret ?? '',
    tokenGeneration: doc.tokenGeneration ?? 0,
    revision: doc.rev ?? 0,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    deletedAt: doc.deletedAt ?? null,
  };
}

/** The stored shape of metadata: a list of pairs (see MetadataEntry). */
const metadataEntries = (metadata: Record<string, string>) =>
  Object.entries(metadata).map(([key, value]) => ({ key, value }));

/** `acme` → `a, ac, acm, acme`: what the name search matches by equality (see the schema). */
const namePrefixes = (name: string): string[] =>
  Array.from({ length: name.length }, (_, i) => name.slice(0, i + 1).toLowerCase());

export interface AccountListFilter {
  /** Name prefix, lower case. */
  search?: string;
  status?: AccountStatus;
}

const isDuplicateKey = (err: unknown) => (err as { code?: number })?.code === 11000;

/**
 * The only code that touches the `accounts` collection and its login read model (`account_logins`).
 * Accounts are the tenants themselves. Every lookup is by primary key: an account by `_id`; a client
 * ID or a name through its login document.
 */
@Injectable()
export class AccountsRepository implements OnModuleInit {
  private readonly logger = new Logger(AccountsRepository.name);

  constructor(
    @InjectModel(AccountDocument.name) private readonly model: Model<AccountDocument>,
    @InjectModel(AccountLoginDocument.name) private readonly logins: Model<AccountLoginDocument>,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
    await this.addListFields();
    await this.repairLogins();
  }

  async insert(account: Account): Promise<Account> {
    const { id, revision, metadata, ...rest } = account;
    let doc: Lean;
    try {
      doc = (
        await this.model.create({
          _id: id,
          ...rest,
          metadata: metadataEntries(metadata),
          rev: revision,
          namePrefixes: namePrefixes(account.name),
          deleted: account.status === 'deleted',
        })
      ).toObject() as unknown as Lean;
    } catch (err) {
      if (isDuplicateKey(err))
        throw new ConflictError('account_exists', `an account named ${JSON.stringify(account.name)} already exists`);
      throw err;
    }
    await this.writeLogins(doc);
    return account;
  }

  async findById(accountId: string): Promise<Account | null> {
    const doc = await this.model.findById(String(accountId)).lean<Lean>().exec();
    return doc ? toAccount(doc) : null;
  }

  /** Operators address accounts by name: the login document names the account, read from the record. */
  async findByName(name: string): Promise<Account | null> {
    const login = await this.logins.findById(String(name), { accountId: 1 }).lean<{ accountId: string }>().exec();
    return login ? this.findById(login.accountId) : null;
  }

  /**
   * Client authentication: the account whose clientId, or whose name (the alias), is `login`. Exactly
   * one primary-key read, found or not, so the work does not tell a caller whether a client exists.
   */
  async findByLogin(login: string): Promise<Account | null> {
    const doc = await this.logins.findById(String(login)).lean<LoginLean>().exec();
    return doc ? toAccount(doc.account) : null;
  }

  /** A policy or status change; `endTokens` also moves the token generation, in the same update. */
  async updatePolicy(
    accountId: string,
    patch: Partial<AccountPolicy> & { status?: AccountStatus },
    now: Date,
    endTokens = false,
  ): Promise<Account | null> {
    // Never a deleted account: an update that read the account just before it was deleted must not
    // bring it back to life (deleted is final).
    const { metadata, ...fields } = patch;
    const set = metadata ? { ...fields, metadata: metadataEntries(metadata) } : fields;
    const doc = await this.model
      .findOneAndUpdate(
        { _id: String(accountId), status: { $ne: 'deleted' } },
        { $set: { ...set, updatedAt: now }, $inc: endTokens ? { rev: 1, tokenGeneration: 1 } : { rev: 1 } },
        { returnDocument: 'after' },
      )
      .lean<Lean>()
      .exec();
    if (!doc) return null;
    await this.writeLogins(doc);
    return toAccount(doc);
  }

  /** Adds a secret and sets the grace expiry of the ones it replaces, in one update; returns the account as written. */
  async rotateSecret(
    accountId: string,
    secret: ClientSecretRecord,
    retire: { id: string; expiresAt: Date }[],
    keep: ClientSecretRecord[],
    now: Date,
  ): Promise<Account | null> {
    const retiredIds = new Map(retire.map((r) => [r.id, r.expiresAt]));
    const secrets = [...keep.map((s) => ({ ...s, expiresAt: retiredIds.get(s.id) ?? s.expiresAt ?? null })), secret];
    const doc = await this.model
      .findOneAndUpdate(
        { _id: String(accountId) },
        { $set: { secrets, updatedAt: now }, $inc: { rev: 1 } },
        { returnDocument: 'after' },
      )
      .lean<Lean>()
      .exec();
    if (!doc) return null;
    await this.writeLogins(doc);
    return toAccount(doc);
  }

  /** Bumps the token generation ("revoke all") and returns the account as written. */
  async bumpTokenGeneration(accountId: string, now: Date): Promise<Account | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: String(accountId) },
        { $inc: { tokenGeneration: 1, rev: 1 }, $set: { updatedAt: now } },
        { returnDocument: 'after' },
      )
      .lean<Lean>()
      .exec();
    if (!doc) return null;
    await this.writeLogins(doc);
    return toAccount(doc);
  }

  /**
   * One page of accounts in name order: by name prefix, by status, or every account not deleted.
   * Every filter is an equality (on `namePrefixes`, `status` or `deleted`), the shape a MongoDB-wire
   * store on PostgreSQL pushes down to its indexes; accounts are tenants, so the matches are few.
   */
  async page(
    filter: AccountListFilter,
    page: { page: number; pageSize: number },
  ): Promise<{ items: Account[]; total: number }> {
    const query: Record<string, unknown> = filter.status ? { status: String(filter.status) } : { deleted: false };
    if (filter.search) query.namePrefixes = String(filter.search).toLowerCase();
    const [docs, total] = await Promise.all([
      this.model
        .find(query)
        .sort({ name: 1 })
        .skip((page.page - 1) * page.pageSize)
        .limit(page.pageSize)
        .lean<Lean[]>()
        .exec(),
      this.model.countDocuments(query).exec(),
    ]);
    return { items: docs.map(toAccount), total };
  }

  /**
   * Marks the account deleted, once: the record stays (usage stays attributable; the unique indexes
   * keep its name and client ID from ever being reused), its secrets and webhook go. The login
   * documents are rewritten with it, so client authentication sees the deletion at once. Null when
   * the account does not exist or was deleted already.
   */
  async markDeleted(accountId: string, now: Date): Promise<Account | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: String(accountId), status: { $ne: 'deleted' } },
        {
          $set: {
            status: 'deleted',
            deleted: true,
            deletedAt: now,
            updatedAt: now,
            secrets: [],
            alertWebhookUrl: null,
          },
          $inc: { rev: 1, tokenGeneration: 1 },
        },
        { returnDocument: 'after' },
      )
      .lean<Lean>()
      .exec();
    if (!doc) return null;
    await this.writeLogins(doc);
    return toAccount(doc);
  }

  /**
   * Start-up: accounts written before the list fields existed get them. Reads only accounts that
   * lack them (none after the first start), each written once; safe to run on several processes.
   */
  private async addListFields(): Promise<void> {
    const missing = await this.model
      .find({ deleted: { $exists: false } }, { _id: 1, name: 1, status: 1 })
      .lean<{ _id: string; name: string; status: string }[]>()
      .exec();
    for (const a of missing) {
      await this.model
        .updateOne({ _id: a._id }, { $set: { namePrefixes: namePrefixes(a.name), deleted: a.status === 'deleted' } })
        .exec();
    }
    if (missing.length) this.logger.log({ accounts: missing.length }, 'account list fields added');
  }

  /** The account's two login documents, replaced as one write. */
  private async writeLogins(doc: Lean): Promise<void> {
    const account = { ...doc };
    await this.logins.bulkWrite(
      [doc.clientId, doc.name].map((login) => ({
        replaceOne: {
          filter: { _id: login },
          replacement: { _id: login, accountId: doc._id, account, updatedAt: doc.updatedAt },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  /**
   * Start-up repair of the read model from the record: login documents that are missing (a database
   * from before they existed) or older than their account (a process that stopped between the two
   * writes). Reads every account once; accounts are tenants, so this is small.
   */
  private async repairLogins(): Promise<void> {
    const [accounts, logins] = await Promise.all([
      this.model.find({}).lean<Lean[]>().exec(),
      this.logins.find({}, { _id: 1, updatedAt: 1 }).lean<{ _id: string; updatedAt: Date }[]>().exec(),
    ]);
    const current = new Map(logins.map((l) => [l._id, l.updatedAt.getTime()]));
    const stale = accounts.filter((a) =>
      [a.clientId, a.name].some((login) => current.get(login) !== a.updatedAt.getTime()),
    );
    for (const doc of stale) await this.writeLogins(doc);
    if (stale.length) this.logger.log({ accounts: stale.length }, 'account login documents repaired');
  }
}
