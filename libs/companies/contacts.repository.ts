import { findPage } from './page-request';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, SortOrder, Types } from 'mongoose';
import { ConflictError } from '@tollgate/domain-errors';
import type { Contact, ContactFilter, ContactFields } from './contact.types';
import { ContactDocument } from './contact.schema';
import { isDuplicateKey } from './duplicate-key';
import { toObjectId } from './object-id';
import type { PageRequest } from './page.types';

type Lean = ContactDocument & { _id: Types.ObjectId };

export type ContactRecord = ContactFields & { id: string };

function toContact(doc: Lean): Contact {
  return {
    id: doc._id.toHexString(),
    companyId: doc.companyId.toHexString(),
    firstName: doc.firstName,
    lastName: doc.lastName,
    title: doc.title ?? null,
    email: doc.email,
    phone: doc.phone ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

function toFields(input: ContactFields) {
  return {
    companyId: toObjectId(input.companyId)!,
    firstName: input.firstName,
    lastName: input.lastName,
    title: input.title,
    email: input.email,
    phone: input.phone,
  };
}

/** The Mongo query behind GET /contacts (see companyListQuery). */
export function contactListQuery(filter: ContactFilter): { filter: Record<string, unknown>; sort: Record<string, SortOrder> } {
  const query: Record<string, unknown> = {};
  if (filter.companyId !== undefined) {
    // A malformed id matches nothing rather than everything.
    query.companyId = toObjectId(String(filter.companyId)) ?? { $in: [] };
  }
  return { filter: query, sort: { _id: 1 } };
}

const conflict = (email: string) =>
  new ConflictError('email_taken', `a contact with email ${JSON.stringify(email)} already exists at this company`, { field: 'email' });

/**
 * The only code that touches the `contacts` collection. Shared dataset, like companies: no account id.
 * Contacts reference companies by id; that the company exists is checked by the service, since
 * MongoDB has no foreign keys.
 */
@Injectable()
export class ContactsRepository implements OnModuleInit {
  constructor(@InjectModel(ContactDocument.name) private readonly model: Model<ContactDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  async insert(input: ContactFields, now: Date): Promise<Contact> {
    try {
      const created = await this.model.create({ ...toFields(input), createdAt: now, updatedAt: now });
      return toContact(created.toObject() as Lean);
    } catch (err) {
      if (isDuplicateKey(err)) throw conflict(input.email);
      throw err;
    }
  }

  async findById(id: string): Promise<Contact | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    const doc = await this.model.findById(_id).lean<Lean>().exec();
    return doc ? toContact(doc) : null;
  }

  async list(filter: ContactFilter, page: PageRequest): Promise<{ items: Contact[]; total: number }> {
    return findPage<Lean, ReturnType<typeof toContact>>(this.model as never, contactListQuery(filter), page, toContact);
  }

  async replace(id: string, input: ContactFields, now: Date): Promise<Contact | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    try {
      const doc = await this.model
        .findOneAndUpdate({ _id }, { $set: { ...toFields(input), updatedAt: now } }, { returnDocument: 'after' })
        .lean<Lean>()
        .exec();
      return doc ? toContact(doc) : null;
    } catch (err) {
      if (isDuplicateKey(err)) throw conflict(input.email);
      throw err;
    }
  }

  async delete(id: string): Promise<boolean> {
    const _id = toObjectId(id);
    if (!_id) return false;
    return (await this.model.deleteOne({ _id }).exec()).deletedCount === 1;
  }

  async countByCompany(companyId: string): Promise<number> {
    const _id = toObjectId(companyId);
    return _id ? this.model.countDocuments({ companyId: _id }).exec() : 0;
  }

  /** Deletes a company's contacts; returns the ids it deleted (the read model drops them too). */
  async deleteByCompany(companyId: string): Promise<string[]> {
    const _id = toObjectId(companyId);
    if (!_id) return [];
    const ids = (await this.model.find({ companyId: _id }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>().exec()).map((d) => d._id);
    if (!ids.length) return [];
    await this.model.deleteMany({ companyId: _id, _id: { $in: ids } }).exec();
    return ids.map((id) => id.toHexString());
  }

  /** Every contact (building the read model from the record; a scan, once). */
  async findAll(): Promise<Contact[]> {
    return (await this.model.find({}).lean<Lean[]>().exec()).map(toContact);
  }

  async isEmpty(): Promise<boolean> {
    return (await this.model.findOne({}, { _id: 1 }).lean().exec()) === null;
  }

  async insertBatch(records: ContactRecord[], now: Date): Promise<number> {
    if (!records.length) return 0;
    const docs = records.map((r) => ({ _id: toObjectId(r.id)!, ...toFields(r), createdAt: now, updatedAt: now }));
    const result = await this.model.insertMany(docs, { ordered: false, lean: true });
    return result.length;
  }
}
