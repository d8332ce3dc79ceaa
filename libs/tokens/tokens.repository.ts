import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TokenThrottle } from '@tollgate/credentials';
import { bulkItemErrors, DUPLICATE_KEY } from '@tollgate/persistence';
import { TokenDocument } from './token.schema';
import type { TokenRecord } from './token.types';

type Lean = Omit<TokenDocument, '_id'> & { _id: string };
/** A record written before tokens were keyed by hash: `_id` was the token id. */
type LegacyLean = Omit<Lean, 'tokenId'> & { tokenHash: string };

/** Indexes of the earlier layout that no query uses any more (and a unique one that new records would break). */
const LEGACY_INDEXES = ['tokenHash_1', 'accountId_1_revokedAt_1_expiresAt_1', 'accountId_1_issuedAt_1__id_1'];

function toRecord(doc: Lean): TokenRecord {
  return {
    id: doc.tokenId,
    accountId: doc.accountId,
    tokenHash: doc._id,
    scopes: doc.scopes ?? [],
    issuedAt: doc.issuedAt,
    expiresAt: doc.expiresAt,
    revokedAt: doc.revokedAt ?? null,
    generation: doc.generation,
    throttle: {
      ...doc.throttle,
      scope: doc.throttle.scope as TokenThrottle['scope'],
      warnAt: doc.throttle.warnAt ?? [],
    },
    via: doc.via as TokenRecord['via'],
  };
}

function toDocument(token: TokenRecord): Lean {
  const { id, tokenHash, ...rest } = token;
  return { _id: tokenHash, tokenId: id, ...rest };
}

/** The only code that touches the `tokens` collection. Every tenant query takes the account id. */
@Injectable()
export class TokensRepository implements OnModuleInit {
  private readonly logger = new Logger(TokensRepository.name);
  constructor(@InjectModel(TokenDocument.name) private readonly model: Model<TokenDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.migrateLegacyRecords();
    await this.model.createIndexes();
  }

  /**
   * Stores issued tokens (PendingTokens moves them here in batches): one unordered insert; a record
   * already stored (another process moved it first) is a duplicate key, not an error. Anything else
   * throws, and the caller keeps the records to try again.
   * The driver's collection is called directly: `toDocument` already builds the stored shape, and
   * mongoose's insertMany (even lean) cost about a fifth of an issuance's CPU in `npm run bench`.
   */
  async insertIfAbsent(tokens: TokenRecord[]): Promise<void> {
    if (!tokens.length) return;
    // (The driver's types want ObjectId keys; token records are keyed by their hash, a string.)
    const docs = tokens.map(toDocument) as unknown as Parameters<typeof this.model.collection.insertMany>[0];
    await this.model.collection.insertMany(docs, { ordered: false }).catch((err: unknown) => {
      const failed = bulkItemErrors(err);
      // No item list: the store went away mid-command, and nothing is known to be stored.
      if (!failed || !failed.length || failed.some((f) => f.code !== DUPLICATE_KEY)) throw err;
    });
  }

  /**
   * By hash, across accounts: the one lookup that cannot be tenant-scoped, because a bearer token is
   * all the caller presents. A primary-key lookup: one indexed read whether or not the token exists.
   */
  async findByHash(tokenHash: string): Promise<TokenRecord | null> {
    const doc = await this.model.findById(String(tokenHash)).lean<Lean>().exec();
    return doc ? toRecord(doc) : null;
  }

  async findById(accountId: string, tokenId: string): Promise<TokenRecord | null> {
    const doc = await this.model
      .findOne({ tokenId: String(tokenId), accountId: String(accountId) })
      .lean<Lean>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  /** Operator-only: which account a token id belongs to (the operator API addresses tokens by id). */
  async findAccountIdOfToken(tokenId: string): Promise<string | null> {
    const doc = await this.model
      .findOne({ tokenId: String(tokenId) }, { accountId: 1 })
      .lean<{ accountId: string }>()
      .exec();
    return doc?.accountId ?? null;
  }

  /**
   * Live tokens of an account of at least `minGeneration`, oldest first. The store is asked only for
   * equality on the account (an indexed key every MongoDB-wire store can push down); the rest is
   * filtered here, so no range or sort has to be served by the store.
   */
  async listActive(accountId: string, now: Date, minGeneration: number): Promise<TokenRecord[]> {
    const docs = await this.model
      .find({ accountId: String(accountId) })
      .lean<Lean[]>()
      .exec();
    return docs
      .filter((d) => !d.revokedAt && d.expiresAt > now && d.generation >= minGeneration)
      .sort(
        (a, b) =>
          a.issuedAt.getTime() - b.issuedAt.getTime() || (a.tokenId < b.tokenId ? -1 : a.tokenId > b.tokenId ? 1 : 0),
      )
      .map(toRecord);
  }

  /**
   * Ids of an account's live tokens of a generation below `generation` (tokens a disable ended, whose
   * slots a "full" may still count). The filter goes to the store whole, so only such tokens are
   * decoded here (usually none), not every token the account ever had.
   */
  async listLiveBelowGeneration(accountId: string, now: Date, generation: number): Promise<string[]> {
    const docs = await this.model
      .find(
        {
          accountId: String(accountId),
          revokedAt: null,
          expiresAt: { $gt: now },
          generation: { $lt: generation },
        },
        { tokenId: 1 },
      )
      .lean<{ tokenId: string }[]>()
      .exec();
    return docs.map((d) => d.tokenId);
  }

  /** Revoked tokens that have not expired yet: the marks a rebuilt Redis state must hold. */
  async listRevokedUnexpired(
    accountId: string,
    now: Date,
    minGeneration: number,
  ): Promise<{ id: string; expiresAt: Date }[]> {
    const docs = await this.model
      .find(
        {
          accountId: String(accountId),
          revokedAt: { $ne: null },
          expiresAt: { $gt: now },
          generation: { $gte: minGeneration },
        },
        { tokenId: 1, expiresAt: 1 },
      )
      .lean<{ tokenId: string; expiresAt: Date }[]>()
      .exec();
    return docs.map((d) => ({ id: d.tokenId, expiresAt: d.expiresAt }));
  }

  /** Marks a token revoked (by its key); true if it was live before. */
  async revoke(accountId: string, tokenHash: string, now: Date): Promise<boolean> {
    const res = await this.model
      .updateOne(
        { _id: String(tokenHash), accountId: String(accountId), revokedAt: null },
        { $set: { revokedAt: now } },
      )
      .exec();
    return res.modifiedCount > 0;
  }

  /** Marks a token revoked by its id (the account's own tokens only); true if it was live before. */
  async revokeById(accountId: string, tokenId: string, now: Date): Promise<boolean> {
    const res = await this.model
      .updateOne(
        { tokenId: String(tokenId), accountId: String(accountId), revokedAt: null },
        { $set: { revokedAt: now } },
      )
      .exec();
    return res.modifiedCount > 0;
  }

  /**
   * Maintenance across accounts (the one non-tenant write): deletes records of tokens that expired,
   * or were revoked, before `before`.
   */
  async deleteEndedBefore(before: Date): Promise<number> {
    const res = await this.model
      .deleteMany({ $or: [{ expiresAt: { $lt: before } }, { revokedAt: { $lt: before } }] })
      .exec();
    return res.deletedCount;
  }

  async revokeAll(accountId: string, now: Date): Promise<number> {
    const res = await this.model
      .updateMany(
        { accountId: String(accountId), revokedAt: null, expiresAt: { $gt: now } },
        { $set: { revokedAt: now } },
      )
      .exec();
    return res.modifiedCount;
  }

  /**
   * Records of the earlier layout (`_id` = token id, hash in `tokenHash`) are re-keyed by hash, so
   * tokens issued before an upgrade keep working. Idempotent and safe to run from several processes
   * at once (a re-keyed record that already exists is a duplicate key, ignored).
   */
  private async migrateLegacyRecords(): Promise<void> {
    const legacy = await this.model
      .find({ tokenId: { $exists: false } })
      .lean<LegacyLean[]>()
      .exec();
    if (legacy.length) {
      for (let i = 0; i < legacy.length; i += 500) {
        const chunk = legacy.slice(i, i + 500);
        const docs = chunk.map(({ _id, tokenHash, ...rest }) => ({ ...rest, _id: tokenHash, tokenId: _id }));
        await this.model.insertMany(docs, { ordered: false, lean: true }).catch((err: unknown) => {
          const failed = bulkItemErrors(err);
          if (!failed || failed.some((f) => f.code !== DUPLICATE_KEY)) throw err;
        });
        await this.model.deleteMany({ _id: { $in: chunk.map((d) => d._id) } }).exec();
      }
      this.logger.log({ records: legacy.length }, 'token records re-keyed by hash');
    }
    for (const name of LEGACY_INDEXES) await this.model.collection.dropIndex(name).catch(() => undefined);
  }
}
