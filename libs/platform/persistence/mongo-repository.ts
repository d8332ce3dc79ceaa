import type { OnModuleInit } from '@nestjs/common';
import { type Model, type SortOrder, Types } from 'mongoose';
import { type ConflictError, NotFoundError, ValidationFailedError } from '@tollgate/domain-errors';
import { isDuplicateKey } from './bulk-write-errors';

/** One page of a list: the shape every `/api/v1` list answers with. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface PageRequest {
  /** 1-based. */
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A list query: equality or range filters, and the order of the list. */
export interface ListQuery {
  filter: Record<string, unknown>;
  sort: Record<string, SortOrder>;
}

/** The DTO checks pages at the HTTP boundary; services check again for callers that are not HTTP. */
export function checkPage(page: PageRequest): PageRequest {
  const fields: { field: string; problems: string[] }[] = [];
  if (!Number.isInteger(page.page) || page.page < 1)
    fields.push({ field: 'page', problems: ['page must be an integer of at least 1'] });
  if (!Number.isInteger(page.pageSize) || page.pageSize < 1 || page.pageSize > MAX_PAGE_SIZE)
    fields.push({ field: 'pageSize', problems: [`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`] });
  if (fields.length) throw new ValidationFailedError(fields);
  return page;
}

const HEX24 = /^[0-9a-fA-F]{24}$/;

/**
 * Record ids are ObjectIds, written as 24 hex digits. Anything else is no id at all (null), so a
 * caller that skipped the DTO gets "not found", never a cast error.
 */
export function toObjectId(id: string): Types.ObjectId | null {
  return typeof id === 'string' && HEX24.test(id) ? new Types.ObjectId(id.toLowerCase()) : null;
}

/**
 * A list order that never ties: `_id` last. Skip and limit over an order with ties may repeat a
 * record on one page and skip it on the next.
 */
export function stableSort(sort: Record<string, SortOrder>): Record<string, SortOrder> {
  return '_id' in sort ? sort : { ...sort, _id: 1 };
}

/** What a repository says about its records: their name in errors and how a stored document reads. */
export interface RecordKind<Doc, T> {
  /** `company`, `widget`: named by not-found errors. */
  name: string;
  /** The plain object the repository returns for a stored (lean) document. */
  toItem(doc: Doc & { _id: Types.ObjectId }): T;
}

/** The conflict a write refused by a unique index means (which field, which value). */
type OnDuplicate = () => ConflictError;

/**
 * The shapes every repository of records keyed by ObjectId repeats, written once: indexes created
 * (awaited) at start-up, pages in an order that never ties with their total, an id that is not an
 * ObjectId found nowhere, a duplicate key as the domain's conflict, a missing record as not found.
 * Subclasses choose how records are scoped: shared by every account ({@link MongoRepository}) or
 * an account's own ({@link TenantMongoRepository}).
 */
abstract class RecordRepository<Doc, T> implements OnModuleInit {
  protected constructor(
    protected readonly model: Model<Doc>,
    protected readonly kind: RecordKind<Doc, T>,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  protected notFound(id: string): NotFoundError {
    return new NotFoundError(this.kind.name, id);
  }

  protected async one(filter: Record<string, unknown>): Promise<T | null> {
    const doc = await this.model
      .findOne(filter as never)
      .lean<Doc & { _id: Types.ObjectId }>()
      .exec();
    return doc ? this.kind.toItem(doc) : null;
  }

  protected async some(filter: Record<string, unknown>): Promise<boolean> {
    return (await this.model.exists(filter as never).exec()) !== null;
  }

  /** One page of a query and the total it pages through (both served by the same index). */
  protected async page(query: ListQuery, page: PageRequest): Promise<{ items: T[]; total: number }> {
    const [docs, total] = await Promise.all([
      this.model
        .find(query.filter as never)
        .sort(stableSort(query.sort))
        .skip((page.page - 1) * page.pageSize)
        .limit(page.pageSize)
        .lean<(Doc & { _id: Types.ObjectId })[]>()
        .exec(),
      this.model.countDocuments(query.filter as never).exec(),
    ]);
    return { items: docs.map((d) => this.kind.toItem(d)), total };
  }

  protected async create(doc: Record<string, unknown>, onDuplicate?: OnDuplicate): Promise<T> {
    try {
      const created = await this.model.create(doc as never);
      return this.kind.toItem((created as { toObject(): unknown }).toObject() as Doc & { _id: Types.ObjectId });
    } catch (err) {
      throw onDuplicate && isDuplicateKey(err) ? onDuplicate() : err;
    }
  }

  /** `$set` on the one record the filter names; the record as it is after, or null when none matched. */
  protected async update(
    filter: Record<string, unknown>,
    set: Record<string, unknown>,
    onDuplicate?: OnDuplicate,
  ): Promise<T | null> {
    try {
      const doc = await this.model
        .findOneAndUpdate(filter as never, { $set: set } as never, { returnDocument: 'after' })
        .lean<Doc & { _id: Types.ObjectId }>()
        .exec();
      return doc ? this.kind.toItem(doc) : null;
    } catch (err) {
      throw onDuplicate && isDuplicateKey(err) ? onDuplicate() : err;
    }
  }

  protected async remove(filter: Record<string, unknown>): Promise<boolean> {
    return (await this.model.deleteOne(filter as never).exec()).deletedCount === 1;
  }
}

/**
 * Records every account shares (the data API's companies and contacts): no method takes an account
 * id, on purpose. Reads and writes by id; list queries and inserts through the protected helpers.
 */
export abstract class MongoRepository<Doc, T> extends RecordRepository<Doc, T> {
  async findById(id: string): Promise<T | null> {
    const _id = toObjectId(id);
    return _id ? this.one({ _id }) : null;
  }

  /** The record, or NotFoundError naming it. */
  async get(id: string): Promise<T> {
    return (await this.findById(id)) ?? Promise.reject(this.notFound(id));
  }

  async exists(id: string): Promise<boolean> {
    const _id = toObjectId(id);
    return _id !== null && this.some({ _id });
  }

  async delete(id: string): Promise<boolean> {
    const _id = toObjectId(id);
    return _id !== null && this.remove({ _id });
  }

  protected findPage(query: ListQuery, page: PageRequest): Promise<{ items: T[]; total: number }> {
    return this.page(query, page);
  }

  protected insertOne(doc: Record<string, unknown>, onDuplicate?: OnDuplicate): Promise<T> {
    return this.create(doc, onDuplicate);
  }

  protected async updateById(id: string, set: Record<string, unknown>, onDuplicate?: OnDuplicate): Promise<T | null> {
    const _id = toObjectId(id);
    return _id ? this.update({ _id }, set, onDuplicate) : null;
  }
}

/**
 * An account's own records: every method takes the account id first and every query it sends
 * carries it, so a read of another account's record cannot be written by mistake (the collection's
 * indexes start with `accountId`). A record of another account is simply not found.
 */
export abstract class TenantMongoRepository<Doc extends { accountId: string }, T> extends RecordRepository<Doc, T> {
  async findById(accountId: string, id: string): Promise<T | null> {
    const _id = toObjectId(id);
    return _id ? this.one({ _id, accountId: String(accountId) }) : null;
  }

  /** The account's record, or NotFoundError naming it (also when it is another account's). */
  async get(accountId: string, id: string): Promise<T> {
    return (await this.findById(accountId, id)) ?? Promise.reject(this.notFound(id));
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const _id = toObjectId(id);
    return _id !== null && this.remove({ _id, accountId: String(accountId) });
  }

  protected findPage(accountId: string, query: ListQuery, page: PageRequest): Promise<{ items: T[]; total: number }> {
    return this.page({ filter: { ...query.filter, accountId: String(accountId) }, sort: query.sort }, page);
  }

  protected insertOne(accountId: string, doc: Record<string, unknown>, onDuplicate?: OnDuplicate): Promise<T> {
    return this.create({ ...doc, accountId: String(accountId) }, onDuplicate);
  }

  protected async updateById(
    accountId: string,
    id: string,
    set: Record<string, unknown>,
    onDuplicate?: OnDuplicate,
  ): Promise<T | null> {
    const _id = toObjectId(id);
    return _id ? this.update({ _id, accountId: String(accountId) }, set, onDuplicate) : null;
  }
}
