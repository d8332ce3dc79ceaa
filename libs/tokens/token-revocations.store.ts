import { Injectable } from '@nestjs/common';
import { AccessStateStore } from '@tollgate/access-state';

/**
 * The tokens' side of the access state, called after Mongo: a revocation mark (checked by the
 * admission script on every request, so a revocation is effective on every API instance before the
 * revoke call returns) and the exact live-token count. The keys and scripts belong to the
 * access-state library, which puts revocation marks back from Mongo if Redis loses them.
 */
@Injectable()
export class TokenRevocationsStore {
  constructor(private readonly state: AccessStateStore) {}

  markRevoked(accountId: string, tokenId: string, expiresAt: Date): Promise<void> {
    return this.state.revokeToken(accountId, tokenId, expiresAt);
  }

  /**
   * Reserves a live-token slot atomically, so `maxActiveTokens` holds exactly however many instances
   * issue at once. `known` (the live tokens in Mongo) seeds the set when Redis has none (after a loss).
   */
  reserveSlot(
    accountId: string,
    generation: number,
    tokenId: string,
    expiresAt: number,
    max: number,
    now: number,
    known: { id: string; expiresAt: number }[],
  ): Promise<'reserved' | 'full' | 'stale-generation'> {
    return this.state.reserveTokenSlot({ accountId, generation, tokenId, expiresAt, max, now, known });
  }

  /** Whether Redis holds the account's live-token set (if not, the issuer seeds it from Mongo). */
  hasSlots(accountId: string): Promise<boolean> {
    return this.state.hasTokenSlots(accountId);
  }

  releaseSlot(accountId: string, tokenId: string): Promise<void> {
    return this.state.releaseTokenSlot(accountId, tokenId);
  }

  /** Revoke-all empties the live-token set (the generation raise already did, atomically): nothing left to do. */
  async clearSlots(_accountId: string): Promise<void> {}
}
