import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { OperatorRole } from '@tollgate/http';
import { OperatorDocument } from './operator.schema';
import type { Operator } from './operator.types';

const toOperator = (d: OperatorDocument): Operator => ({
  keyHash: d._id,
  name: d.name,
  role: d.role as OperatorRole,
  createdAt: d.createdAt,
  createdBy: d.createdBy,
});

/** The only code that touches `operators`. Operators are not tenant data: no account id. */
@Injectable()
export class OperatorsRepository implements OnModuleInit {
  constructor(@InjectModel(OperatorDocument.name) private readonly model: Model<OperatorDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  /** Throws a duplicate-key error (11000) when the name is taken. */
  async insert(operator: Operator): Promise<void> {
    await this.model.create({
      _id: operator.keyHash,
      name: operator.name,
      role: operator.role,
      createdAt: operator.createdAt,
      createdBy: operator.createdBy,
    });
  }

  async findByKeyHash(keyHash: string): Promise<Operator | null> {
    const doc = await this.model.findById(String(keyHash)).lean<OperatorDocument>().exec();
    return doc ? toOperator(doc) : null;
  }

  async findByName(name: string): Promise<Operator | null> {
    const doc = await this.model
      .findOne({ name: String(name) })
      .lean<OperatorDocument>()
      .exec();
    return doc ? toOperator(doc) : null;
  }

  async list(): Promise<Operator[]> {
    const docs = await this.model.find({}).sort({ name: 1 }).limit(1000).lean<OperatorDocument[]>().exec();
    return docs.map(toOperator);
  }

  /** True when this call removed it (a concurrent revocation finds nothing). */
  async delete(keyHash: string): Promise<boolean> {
    const res = await this.model.deleteOne({ _id: String(keyHash) }).exec();
    return (res.deletedCount ?? 0) > 0;
  }
}
