import type { Principal } from './principal';

const MAX_ENTRIES = 100_000;
const MAX_NEGATIVE = 100_000;
/** Re-read a token from Mongo at least this often, so a Redis that lost its revocation marks heals. */
const MAX_AGE_MS = 5 * 60_000;

/**
 * Per-process cache of principals by access token (kept in process memory only, like any request's
 * headers; never persisted or logged), so a valid token costs no Mongo round trip in
 * steady state. What it holds is immutable for the token's life (scopes, policy snapshot, expiry);
 * revocation and disabling are checked in Redis on every request, not here. Unknown tokens are
 * remembered too (tokens are random: an unknown one never becomes valid), so garbage tokens cannot
 * turn into a Mongo query flood. Both maps are LRU-bounded.
 */
export class TokenCache {
  private readonly positive = new Map<string, { principal: Principal; until: number }>();
  private readonly negative = new Map<string, true>();

  get(token: string, now: number): Principal | undefined {
    const entry = this.positive.get(token);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.positive.delete(token);
      return undefined;
    }
    return entry.principal;
  }

  set(token: string, principal: Principal, now: number): void {
    if (this.positive.size >= MAX_ENTRIES) this.positive.delete(this.positive.keys().next().value as string);
    this.positive.set(token, { principal, until: Math.min(principal.expiresAt, now + MAX_AGE_MS) });
  }

  isKnownBad(token: string): boolean {
    if (!this.negative.has(token)) return false;
    // refresh recency
    this.negative.delete(token);
    this.negative.set(token, true);
    return true;
  }

  rememberBad(token: string): void {
    if (this.negative.size >= MAX_NEGATIVE) this.negative.delete(this.negative.keys().next().value as string);
    this.negative.set(token, true);
  }

  forgetTokenId(tokenId: string): void {
    for (const [token, entry] of this.positive) if (entry.principal.tokenId === tokenId) this.positive.delete(token);
  }

  forgetAccount(accountId: string): void {
    for (const [token, entry] of this.positive) if (entry.principal.accountId === accountId) this.positive.delete(token);
  }
}
