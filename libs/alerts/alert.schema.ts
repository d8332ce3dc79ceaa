import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One alert, recorded exactly once: `_id` is `<accountId>:<event id>` and the event id is derived
 * from (type, subject, threshold, period), so however many workers run and however often a job is
 * retried, the second insert is a duplicate-key no-op.
 */
@Schema({ collection: 'alerts', versionKey: false })
export class AlertDocument {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true }) accountId: string;
  @Prop({ required: true }) type: string;
  @Prop({ required: true }) api: string;
  @Prop({ required: true }) tokenId: string;
  @Prop({ required: true }) threshold: number;
  @Prop({ required: true }) limit: number;
  @Prop({ required: true }) count: number;
  @Prop({ required: true }) period: string;
  @Prop({ type: Date, default: null }) until: Date | null;
  @Prop({ type: String, default: null }) scope: string | null;
  @Prop({ required: true }) at: Date;
  /** Webhook delivery: set once delivered, so a re-delivered job does not post twice. */
  @Prop({ type: Date, default: null }) deliveredAt: Date | null;
  @Prop({ default: 0 }) deliveryAttempts: number;
  @Prop({ type: String, default: null }) lastDeliveryError: string | null;
}

export const AlertSchema = SchemaFactory.createForClass(AlertDocument);
// Alert listings: an account's alerts newest first, optionally by type and since a date.
AlertSchema.index({ accountId: 1, at: -1 });
// Operator listing across accounts, newest first.
AlertSchema.index({ at: -1 });
