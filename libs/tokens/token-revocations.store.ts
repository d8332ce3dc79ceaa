import { Injectable } from '@nestjs/common';
import { AccessStateStore, type TokenSlotOutcome, type TokenSlotRequest } from '@tollgate/access-state';

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
   * issue at once, and proves the issuer's copy of the account current in the same step. With
   * `revokeOldest`, a full set makes room by revoking its oldest tokens (listed in the outcome).
   */
  reserveSlot(request: TokenSlotRequest): Promise<TokenSlotOutcome> {
    return this.state.reserveTokenSlotRevoking(request);
  }

  isRevoked(accountId: string, tokenId: string): Promise<boolean> {
    return this.state.isTokenRevoked(accountId, tokenId);
  }

  releaseSlot(accountId: string, tokenId: string): Promise<void> {
    return this.state.releaseTokenSlot(accountId, tokenId);
  }

  /** Revoke-all empties the live-token set (the generation raise already did, atomically): nothing left to do. */
  async clearSlots(_accountId: string): Promise<void> {}
}
