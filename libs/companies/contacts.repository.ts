import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { ConflictError } from '@tollgate/domain-errors';
import { type ListQuery, MongoRepository, type PageRequest, toObjectId } from '@tollgate/persistence';
import type { Contact, ContactFilter, ContactFields } from './contact.types';
import { ContactDocument } from './contact.schema';

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
export function contactListQuery(filter: ContactFilter): ListQuery {
  const query: Record<string, unknown> = {};
  if (filter.companyId !== undefined) {
    // A malformed id matches nothing rather than everything.
    query.companyId = toObjectId(String(filter.companyId)) ?? { $in: [] };
  }
  return { filter: query, sort: { _id: 1 } };
}

const conflict = (email: string) =>
  new ConflictError('email_taken', `a contact with email ${JSON.stringify(email)} already exists at this company`, {
    field: 'email',
  });

/**
 * The only code that touches the `contacts` collection. Shared dataset, like companies: no account id.
 * Contacts reference companies by id; that the company exists is checked by the service, since
 * MongoDB has no foreign keys.
 */
@Injectable()
export class ContactsRepository extends MongoRepository<ContactDocument, Contact> {
  constructor(@InjectModel(ContactDocument.name) model: Model<ContactDocument>) {
    super(model, { name: 'contact', toItem: toContact });
  }

  insert(input: ContactFields, now: Date): Promise<Contact> {
    return this.insertOne({ ...toFields(input), createdAt: now, updatedAt: now }, () => conflict(input.email));
  }

  list(filter: ContactFilter, page: PageRequest): Promise<{ items: Contact[]; total: number }> {
    return this.findPage(contactListQuery(filter), page);
  }

  /** Full replacement (PUT); createdAt is kept. */
  replace(id: string, input: ContactFields, now: Date): Promise<Contact | null> {
    return this.updateById(id, { ...toFields(input), updatedAt: now }, () => conflict(input.email));
  }

  async countByCompany(companyId: string): Promise<number> {
    const _id = toObjectId(companyId);
    return _id ? this.model.countDocuments({ companyId: _id }).exec() : 0;
  }

  /** Deletes a company's contacts; returns the ids it deleted (the read model drops them too). */
  async deleteByCompany(companyId: string): Promise<string[]> {
    const _id = toObjectId(companyId);
    if (!_id) return [];
    const ids = (await this.model.find({ companyId: _id }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>().exec()).map(
      (d) => d._id,
    );
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
