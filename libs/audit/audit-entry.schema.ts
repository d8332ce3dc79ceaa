import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/**
 * One audit entry. Append-only through the product: the repository inserts, lists and (for the
 * worker's retention purge only) deletes entries older than the retention; nothing updates one.
 */
@Schema({ collection: 'audit_log', versionKey: false })
export class AuditEntryDocument {
  /** `aud_` + time in base 36 + random: unique, and in time order like `at`. */
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ type: Date, required: true }) at: Date;
  @Prop({ type: String, required: true }) actor: string;
  @Prop({ type: String, required: true }) actorKind: string;
  @Prop({ type: String, required: true }) action: string;
  @Prop({ type: String, required: true }) targetType: string;
  @Prop({ type: String }) targetId?: string;
  @Prop({ type: String }) targetName?: string;
  @Prop({ type: String }) accountId?: string;
  @Prop({ type: String }) accountName?: string;
  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] }) changes: {
    field: string;
    before: unknown;
    after: unknown;
  }[];
  @Prop({ type: MongooseSchema.Types.Mixed }) detail?: Record<string, unknown>;
  @Prop({ type: String }) requestId?: string;
}
export const AuditEntrySchema = SchemaFactory.createForClass(AuditEntryDocument);
// The log, newest first; and the retention purge (`at` older than the retention).
AuditEntrySchema.index({ at: -1, _id: -1 });
// `?account=` by id, and by name (names are never reused, so an account's entries stay findable after deletion).
AuditEntrySchema.index({ accountId: 1, at: -1 });
AuditEntrySchema.index({ accountName: 1, at: -1 });
// `?actor=` and `?action=`.
AuditEntrySchema.index({ actor: 1, at: -1 });
AuditEntrySchema.index({ action: 1, at: -1 });
