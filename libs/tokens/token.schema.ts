import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ThrottleEntry } from '@tollgate/credentials';

@Schema({ collection: 'tokens', versionKey: false })
export class TokenDocument {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true }) accountId: string;
  /** HMAC-SHA-256 of the token under the pepper; the token itself is never stored. */
  @Prop({ required: true }) tokenHash: string;
  @Prop({ type: [String], default: [] }) scopes: string[];
  @Prop({ required: true }) issuedAt: Date;
  /** Enforced in code: FerretDB has no TTL indexes, and expiry must be exact anyway. */
  @Prop({ required: true }) expiresAt: Date;
  @Prop({ type: Date, default: null }) revokedAt: Date | null;
  @Prop({ required: true }) generation: number;
  /** The account's throttle policy when the token was issued: later policy changes apply to new tokens. */
  @Prop({ type: ThrottleEntry, required: true }) throttle: ThrottleEntry;
  /** How the token was obtained: `oauth` or `insideview`. */
  @Prop({ required: true }) via: string;
}

export const TokenSchema = SchemaFactory.createForClass(TokenDocument);
// The guard's cache miss and introspection/revocation by token value: find by hash.
TokenSchema.index({ tokenHash: 1 }, { unique: true });
// Active tokens of an account (listing, maxActiveTokens ranking), newest-expiring last.
TokenSchema.index({ accountId: 1, revokedAt: 1, expiresAt: 1 });
// Ranking of active tokens for the maxActiveTokens check: oldest issued first.
TokenSchema.index({ accountId: 1, issuedAt: 1, _id: 1 });
// The worker's purge of ended tokens.
TokenSchema.index({ expiresAt: 1 });
