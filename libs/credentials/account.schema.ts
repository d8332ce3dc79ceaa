import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ThrottleEntry } from './throttle-entry.schema';

@Schema({ _id: false })
export class ClientSecretEntry {
  @Prop({ required: true }) id: string;
  @Prop({ required: true }) hash: string;
  @Prop({ required: true }) createdAt: Date;
  @Prop({ type: Date, default: null }) expiresAt: Date | null;
}

@Schema({ _id: false })
export class QuotaEntry {
  @Prop({ required: true }) api: string;
  @Prop({ required: true }) period: string;
  @Prop({ required: true }) limit: number;
  @Prop({ type: [Number], default: [] }) warnAt: number[];
  @Prop({ required: true }) enforce: string;
}

@Schema({ _id: false })
export class CreditEntry {
  @Prop({ required: true }) monthly: number;
  @Prop({ required: true }) enforce: string;
  @Prop({ type: [Number], default: [] }) warnAt: number[];
}

/**
 * One metadata entry. Stored as a list of pairs rather than an object, so a key may be any string
 * (a dot or a leading `$` would be a path or an operator as a field name in a MongoDB-wire store).
 */
@Schema({ _id: false })
export class MetadataEntry {
  @Prop({ type: String, required: true }) key: string;
  @Prop({ type: String, required: true }) value: string;
}

@Schema({ collection: 'accounts', versionKey: false })
export class AccountDocument {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true }) name: string;
  @Prop({ required: true }) clientId: string;
  @Prop({ type: [ClientSecretEntry], default: [] }) secrets: ClientSecretEntry[];
  @Prop({ required: true }) status: string;
  @Prop({ required: true }) tokenTtlSeconds: number;
  @Prop({ required: true }) maxActiveTokens: number;
  @Prop({ type: [String], default: [] }) scopes: string[];
  @Prop({ type: ThrottleEntry, required: true }) throttle: ThrottleEntry;
  @Prop({ type: [QuotaEntry], default: [] }) quotas: QuotaEntry[];
  /** Absent on records from before credits, or null: no allocation. */
  @Prop({ type: CreditEntry, default: null }) credits: CreditEntry | null;
  @Prop({ type: [String], default: [] }) allowedOrigins: string[];
  /** Absent on records from before allow lists: any address. */
  @Prop({ type: [String], default: [] }) allowedIps: string[];
  /** Absent on records from before it: `refuse`. */
  @Prop({ type: String, default: 'refuse' }) tokenLimit: string;
  @Prop({ type: [MetadataEntry], default: [] }) metadata: MetadataEntry[];
  @Prop({ type: String, default: null }) alertWebhookUrl: string | null;
  @Prop({ type: String, required: true }) alertWebhookSecret: string;
  @Prop({ default: 0 }) tokenGeneration: number;
  /** Raised by every write (see Account.revision); absent on records from before it: 0. */
  @Prop({ default: 0 }) rev: number;
  @Prop({ required: true }) createdAt: Date;
  @Prop({ required: true }) updatedAt: Date;
  @Prop({ type: Date, default: null }) deletedAt: Date | null;
  /**
   * Every prefix of the name (names are lower case already): the operator's name search is then an
   * equality on an array element, which a MongoDB-wire store on PostgreSQL serves from its index,
   * where a range or a regex would be a scan. Written with the name (which never changes).
   */
  @Prop({ type: [String], default: [] }) namePrefixes: string[];
  /** `status === 'deleted'`, as its own field so "every account not deleted" is an equality too. */
  @Prop({ default: false }) deleted: boolean;
}

export const AccountSchema = SchemaFactory.createForClass(AccountDocument);
// Operator lookups by name and the alias rule (name stands for clientId); also enforces uniqueness.
AccountSchema.index({ name: 1 }, { unique: true });
// Client authentication at the token endpoints: find the account by clientId.
AccountSchema.index({ clientId: 1 }, { unique: true });
// Operator listing without a status (every account not deleted), in name order.
AccountSchema.index({ deleted: 1, name: 1 });
// Operator listing by status, in name order.
AccountSchema.index({ status: 1, name: 1 });
// Operator search by name prefix (an element of namePrefixes), in name order.
AccountSchema.index({ namePrefixes: 1, name: 1 });
