import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The baseline's access tokens: what a typical app stores, a SHA-256 of the token and its owner. */
@Schema({ collection: 'baseline_tokens', versionKey: false })
export class BaselineToken {
  // Unique index: serves the findOne by hash that runs on every request.
  @Prop({ required: true, unique: true })
  tokenHash: string;

  @Prop({ required: true })
  accountId: string;

  @Prop({ type: [String], default: [] })
  scopes: string[];

  @Prop({ required: true })
  expiresAt: Date;
}

export const BaselineTokenSchema = SchemaFactory.createForClass(BaselineToken);
