import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/**
 * Client authentication's read model: one document per login (the client ID, and the name that is its
 * alias), keyed by `_id` = that login and holding a copy of the account as last written. The token
 * endpoints then find a client with one primary-key read, the same single read whether the client
 * exists or not (an unknown login is one miss), on any MongoDB-wire store. Rewritten after every
 * account write; `accounts` stays the record (and repairs these copies at start-up).
 */
@Schema({ collection: 'account_logins', versionKey: false })
export class AccountLoginDocument {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ type: String, required: true }) accountId: string;
  /** The account document (`_id` included) as of `updatedAt`. */
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) account: Record<string, unknown>;
  @Prop({ type: Date, required: true }) updatedAt: Date;
}

export const AccountLoginSchema = SchemaFactory.createForClass(AccountLoginDocument);
// No secondary index: every read is by `_id`.
