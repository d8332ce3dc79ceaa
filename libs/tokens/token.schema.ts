import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ThrottleEntry } from '@tollgate/credentials';

/**
 * A token record. Its `_id` is the token's HMAC-SHA-256 under the pepper (the token itself is never
 * stored): the guard's cache miss, revocation and introspection by value are one `_id` lookup, the
 * one lookup every MongoDB-wire store answers from its primary key (a random well-formed token costs
 * exactly that one miss). `tokenId` (`tok_…`) is the name operators and customers use.
 */
@Schema({ collection: 'tokens', versionKey: false })
export class TokenDocument {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ type: String, required: true }) tokenId: string;
  @Prop({ required: true }) accountId: string;
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
// Operator revocation by token id (`DELETE /operator/v1/tokens/:tokenId`); also keeps ids unique.
TokenSchema.index({ tokenId: 1 }, { unique: true });
// An account's tokens (operator listing, revoke-all, reseeding the live-token set after a Redis loss):
// equality on accountId, the rest filtered in memory.
TokenSchema.index({ accountId: 1 });
// The worker's purge of ended tokens.
TokenSchema.index({ expiresAt: 1 });
