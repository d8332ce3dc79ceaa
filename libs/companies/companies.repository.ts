import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { ConflictError } from '@tollgate/domain-errors';
import { type ListQuery, MongoRepository, type PageRequest, toObjectId } from '@tollgate/persistence';
import type { Company, CompanyFilter, CompanyFields } from './company.types';
import { CompanyDocument } from './company.schema';
import { prefixRange, searchKey } from './name-prefix';

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
export function companyListQuery(filter: CompanyFilter): ListQuery {
  const query: Record<string, unknown> = {};
  if (filter.country !== undefined) query.country = String(filter.country);
  if (filter.industry !== undefined) query.industry = String(filter.industry);
  if (filter.domain !== undefined) query.domain = String(filter.domain);
  if (filter.name !== undefined) query.nameLower = prefixRange(String(filter.name));
  return { filter: query, sort: { nameLower: 1, _id: 1 } };
}

const conflict = (domain: string) =>
  new ConflictError('domain_taken', `a company with domain ${JSON.stringify(domain)} already exists`, {
    field: 'domain',
  });

/**
 * The only code that touches the `companies` collection. Companies are the product's shared dataset
 * (every account reads the same data, as with InsideView's), not tenant data: no method takes an
 * account id, on purpose.
 */
@Injectable()
export class CompaniesRepository extends MongoRepository<CompanyDocument, Company> {
  constructor(@InjectModel(CompanyDocument.name) model: Model<CompanyDocument>) {
    super(model, { name: 'company', toItem: toCompany });
  }

  insert(input: CompanyFields, now: Date): Promise<Company> {
    return this.insertOne({ ...toFields(input), createdAt: now, updatedAt: now }, () => conflict(input.domain));
  }

  list(filter: CompanyFilter, page: PageRequest): Promise<{ items: Company[]; total: number }> {
    return this.findPage(companyListQuery(filter), page);
  }

  /** Full replacement (PUT): every client field is overwritten; createdAt is kept. */
  replace(id: string, input: CompanyFields, now: Date): Promise<Company | null> {
    return this.updateById(id, { ...toFields(input), updatedAt: now }, () => conflict(input.domain));
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
