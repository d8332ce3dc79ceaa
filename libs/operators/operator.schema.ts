import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A named operator. `_id` is the HMAC-SHA-256 of its key under the server pepper, so a key is
 * checked by one primary-key read (found or not) and the store never holds the key itself.
 */
@Schema({ collection: 'operators', versionKey: false })
export class OperatorDocument {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ type: String, required: true }) name: string;
  @Prop({ type: String, required: true, enum: ['admin', 'viewer'] }) role: string;
  @Prop({ type: Date, required: true }) createdAt: Date;
  @Prop({ type: String, required: true }) createdBy: string;
}
export const OperatorSchema = SchemaFactory.createForClass(OperatorDocument);
// `operators revoke NAME` and the listing by name; one operator per name.
OperatorSchema.index({ name: 1 }, { unique: true });
