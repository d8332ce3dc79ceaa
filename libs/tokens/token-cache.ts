import type { Principal } from './principal';

const MAX_ENTRIES = 100_000;
const MAX_NEGATIVE = 100_000;
/** Re-read a token from Mongo at least this often, so a Redis that lost its revocation marks heals. */
const MAX_AGE_MS = 5 * 60_000;

/**
 * Per-process cache of principals by token hash, so a valid token costs no Mongo round trip in
 * steady state. What it holds is immutable for the token's life (scopes, policy snapshot, expiry);
 * revocation and disabling are checked in Redis on every request, not here. Unknown hashes are
 * remembered too (tokens are random: an unknown one never becomes valid), so garbage tokens cannot
 * turn into a Mongo query flood. Both maps are LRU-bounded.
 */
export class TokenCache {
  private readonly positive = new Map<string, { principal: Principal; until: number }>();
  private readonly negative = new Map<string, true>();

  get(hash: string, now: number): Principal | undefined {
    const entry = this.positive.get(hash);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.positive.delete(hash);
      return undefined;
    }
    return entry.principal;
  }

  set(hash: string, principal: Principal, now: number): void {
    if (this.positive.size >= MAX_ENTRIES) this.positive.delete(this.positive.keys().next().value as string);
    this.positive.set(hash, { principal, until: Math.min(principal.expiresAt, now + MAX_AGE_MS) });
  }

  isKnownBad(hash: string): boolean {
    if (!this.negative.has(hash)) return false;
    // refresh recency
    this.negative.delete(hash);
    this.negative.set(hash, true);
    return true;
  }

  rememberBad(hash: string): void {
    if (this.negative.size >= MAX_NEGATIVE) this.negative.delete(this.negative.keys().next().value as string);
    this.negative.set(hash, true);
  }

  forgetTokenId(tokenId: string): void {
    for (const [hash, entry] of this.positive) if (entry.principal.tokenId === tokenId) this.positive.delete(hash);
  }

  forgetAccount(accountId: string): void {
    for (const [hash, entry] of this.positive) if (entry.principal.accountId === accountId) this.positive.delete(hash);
  }
}
