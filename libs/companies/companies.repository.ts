import { findPage } from './page-request';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, SortOrder, Types } from 'mongoose';
import { ConflictError } from '@tollgate/domain-errors';
import type { Company, CompanyFilter, CompanyFields } from './company.types';
import { CompanyDocument } from './company.schema';
import { isDuplicateKey } from './duplicate-key';
import { prefixRange, searchKey } from './name-prefix';
import { toObjectId } from './object-id';
import type { PageRequest } from './page.types';

type Lean = CompanyDocument & { _id: Types.ObjectId };

/** A company as the seed writes it: its id is chosen by the generator so the sample is reproducible. */
export type CompanyRecord = CompanyFields & { id: string };

function toCompany(doc: Lean): Company {
  return {
    id: doc._id.toHexString(),
    name: doc.name,
    domain: doc.domain,
    industry: doc.industry ?? null,
    country: doc.country ?? null,
    city: doc.city ?? null,
    employees: doc.employees ?? null,
    revenue: doc.revenue ?? null,
    website: doc.website ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

function toFields(input: CompanyFields) {
  return {
    name: input.name,
    nameLower: searchKey(input.name),
    domain: input.domain,
    industry: input.industry,
    country: input.country,
    city: input.city,
    employees: input.employees,
    revenue: input.revenue,
    website: input.website,
  };
}

/**
 * The Mongo query behind GET /companies. Every value goes in as a string compared by equality or
 * range, so nothing a client sends can become an operator. Exported for the index test and the
 * benchmark, which check that each filter combination is index-backed.
 */
export function companyListQuery(filter: CompanyFilter): { filter: Record<string, unknown>; sort: Record<string, SortOrder> } {
  const query: Record<string, unknown> = {};
  if (filter.country !== undefined) query.country = String(filter.country);
  if (filter.industry !== undefined) query.industry = String(filter.industry);
  if (filter.domain !== undefined) query.domain = String(filter.domain);
  if (filter.name !== undefined) query.nameLower = prefixRange(String(filter.name));
  return { filter: query, sort: { nameLower: 1, _id: 1 } };
}

const conflict = (domain: string) => new ConflictError('domain_taken', `a company with domain ${JSON.stringify(domain)} already exists`, { field: 'domain' });

/**
 * The only code that touches the `companies` collection. Companies are the product's shared dataset
 * (every account reads the same data, as with InsideView's), not tenant data: no method takes an
 * account id, on purpose.
 */
@Injectable()
export class CompaniesRepository implements OnModuleInit {
  constructor(@InjectModel(CompanyDocument.name) private readonly model: Model<CompanyDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  async insert(input: CompanyFields, now: Date): Promise<Company> {
    try {
      const created = await this.model.create({ ...toFields(input), createdAt: now, updatedAt: now });
      return toCompany(created.toObject() as Lean);
    } catch (err) {
      if (isDuplicateKey(err)) throw conflict(input.domain);
      throw err;
    }
  }

  async findById(id: string): Promise<Company | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    const doc = await this.model.findById(_id).lean<Lean>().exec();
    return doc ? toCompany(doc) : null;
  }

  async exists(id: string): Promise<boolean> {
    const _id = toObjectId(id);
    return _id !== null && (await this.model.exists({ _id }).exec()) !== null;
  }

  async list(filter: CompanyFilter, page: PageRequest): Promise<{ items: Company[]; total: number }> {
    return findPage<Lean, ReturnType<typeof toCompany>>(this.model as never, companyListQuery(filter), page, toCompany);
  }

  /** Full replacement (PUT): every client field is overwritten; createdAt is kept. */
  async replace(id: string, input: CompanyFields, now: Date): Promise<Company | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    try {
      const doc = await this.model
        .findOneAndUpdate({ _id }, { $set: { ...toFields(input), updatedAt: now } }, { returnDocument: 'after' })
        .lean<Lean>()
        .exec();
      return doc ? toCompany(doc) : null;
    } catch (err) {
      if (isDuplicateKey(err)) throw conflict(input.domain);
      throw err;
    }
  }

  async delete(id: string): Promise<boolean> {
    const _id = toObjectId(id);
    if (!_id) return false;
    return (await this.model.deleteOne({ _id }).exec()).deletedCount === 1;
  }

  /** Every company (building the read model from the record; a scan, once). */
  async findAll(): Promise<Company[]> {
    return (await this.model.find({}).lean<Lean[]>().exec()).map(toCompany);
  }

  /** True when the collection holds no company at all (the seed only fills an empty dataset). */
  async isEmpty(): Promise<boolean> {
    return (await this.model.findOne({}, { _id: 1 }).lean().exec()) === null;
  }

  /** Bulk load for the seed: one round trip per batch, no per-document validation or hydration. */
  async insertBatch(records: CompanyRecord[], now: Date): Promise<number> {
    if (!records.length) return 0;
    const docs = records.map((r) => ({ _id: toObjectId(r.id)!, ...toFields(r), createdAt: now, updatedAt: now }));
    const result = await this.model.insertMany(docs, { ordered: false, lean: true });
    return result.length;
  }
}
