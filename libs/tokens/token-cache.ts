import type { Principal } from './principal';

const MAX_ENTRIES = 100_000;
const MAX_NEGATIVE = 100_000;
/** Re-read a token from Mongo at least this often (defence in depth; Redis state is rebuilt from Mongo). */
const MAX_AGE_MS = 5 * 60_000;

/**
 * Per-process cache of principals by access token (kept in process memory only, like any request's
 * headers; never persisted or logged), so a valid token costs no Mongo round trip in
 * steady state. What it holds is immutable for the token's life (scopes, policy snapshot, expiry);
 * revocation and disabling are checked in Redis on every request, not here. Unknown tokens are
 * remembered too (tokens are random: an unknown one never becomes valid), so garbage tokens cannot
 * turn into a Mongo query flood. Both maps are LRU-bounded. An account's entries are indexed so they
 * can be dropped at once, without a scan, when its Redis state is rebuilt (an epoch change).
 */
export class TokenCache {
  private readonly positive = new Map<string, { principal: Principal; until: number }>();
  private readonly negative = new Map<string, true>();
  private readonly byAccount = new Map<string, Set<string>>();

  get(token: string, now: number): Principal | undefined {
    const entry = this.positive.get(token);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.delete(token);
      return undefined;
    }
    return entry.principal;
  }

  set(token: string, principal: Principal, now: number): void {
    if (this.positive.size >= MAX_ENTRIES) this.delete(this.positive.keys().next().value as string);
    this.delete(token);
    this.positive.set(token, { principal, until: Math.min(principal.expiresAt, now + MAX_AGE_MS) });
    let tokens = this.byAccount.get(principal.accountId);
    if (!tokens) this.byAccount.set(principal.accountId, (tokens = new Set()));
    tokens.add(token);
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
    for (const [token, entry] of this.positive) if (entry.principal.tokenId === tokenId) this.delete(token);
  }

  forgetAccount(accountId: string): void {
    for (const token of this.byAccount.get(accountId) ?? []) this.positive.delete(token);
    this.byAccount.delete(accountId);
  }

  private delete(token: string): void {
    const entry = this.positive.get(token);
    if (!entry) return;
    this.positive.delete(token);
    const tokens = this.byAccount.get(entry.principal.accountId);
    tokens?.delete(token);
    if (tokens && !tokens.size) this.byAccount.delete(entry.principal.accountId);
  }
}
