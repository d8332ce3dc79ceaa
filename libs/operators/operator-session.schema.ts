import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A console session, kept on the server so that signing out or revoking the operator ends it at
 * once everywhere. `_id` is the HMAC-SHA-256 of the cookie's value (the store never holds it).
 */
@Schema({ collection: 'operator_sessions', versionKey: false })
export class OperatorSessionDocument {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ type: String, required: true }) operatorName: string;
  @Prop({ type: String, required: true }) operatorId: string;
  @Prop({ type: String, required: true }) csrfToken: string;
  @Prop({ type: Date, required: true }) createdAt: Date;
  @Prop({ type: Date, required: true }) expiresAt: Date;
}
export const OperatorSessionSchema = SchemaFactory.createForClass(OperatorSessionDocument);
// Revoking an operator ends every session of theirs.
OperatorSessionSchema.index({ operatorName: 1 });
// Expired sessions are deleted by their expiry (FerretDB has no TTL indexes: expiry is enforced in code).
OperatorSessionSchema.index({ expiresAt: 1 });
