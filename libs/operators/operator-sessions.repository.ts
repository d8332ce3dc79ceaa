import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { OperatorSessionDocument } from './operator-session.schema';
import type { OperatorSession } from './operator.types';

const toSession = (d: OperatorSessionDocument): OperatorSession => ({
  id: d._id,
  operatorName: d.operatorName,
  operatorId: d.operatorId,
  csrfToken: d.csrfToken,
  createdAt: d.createdAt,
  expiresAt: d.expiresAt,
});

/** The only code that touches `operator_sessions`. */
@Injectable()
export class OperatorSessionsRepository implements OnModuleInit {
  constructor(@InjectModel(OperatorSessionDocument.name) private readonly model: Model<OperatorSessionDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  async insert(session: OperatorSession): Promise<void> {
    await this.model.create({
      _id: session.id,
      operatorName: session.operatorName,
      operatorId: session.operatorId,
      csrfToken: session.csrfToken,
      createdAt: session.createdAt,
      expiresAt: session.expiresAt,
    });
  }

  async findById(id: string): Promise<OperatorSession | null> {
    const doc = await this.model.findById(String(id)).lean<OperatorSessionDocument>().exec();
    return doc ? toSession(doc) : null;
  }

  async delete(id: string): Promise<boolean> {
    const res = await this.model.deleteOne({ _id: String(id) }).exec();
    return (res.deletedCount ?? 0) > 0;
  }

  /** Ends every session of an operator (revoked); returns how many there were. */
  async deleteByOperator(operatorName: string): Promise<number> {
    const res = await this.model.deleteMany({ operatorName: String(operatorName) }).exec();
    return res.deletedCount ?? 0;
  }

  async deleteExpired(now: Date): Promise<number> {
    const res = await this.model.deleteMany({ expiresAt: { $lte: now } }).exec();
    return res.deletedCount ?? 0;
  }
}
