import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The record of an operator unlock's quota waiver: the hard quota of one API does not refuse for
 * the rest of one period. Kept so a rebuilt Redis state waives what the operator waived. `_id` is
 * `account|api|period|key`, so recording the same waiver twice is one document.
 */
@Schema({ collection: 'quota_waivers', versionKey: false })
export class QuotaWaiverDocument {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true }) accountId: string;
  @Prop({ required: true }) api: string;
  @Prop({ required: true }) period: string;
  @Prop({ required: true }) key: string;
  @Prop({ required: true }) createdAt: Date;
}

export const QuotaWaiverSchema = SchemaFactory.createForClass(QuotaWaiverDocument);
// A rebuild reads the account's waivers of the current day and month.
QuotaWaiverSchema.index({ accountId: 1, key: 1 });
