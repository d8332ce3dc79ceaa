import { describe, expect, it } from 'vitest';
import type { Principal } from './principal';
import { TokenCache } from './token-cache';

const principal = (over: Partial<Principal> = {}): Principal => ({
  accountId: 'acc_1',
  tokenId: 'tok_1',
  scopes: [],
  issuedAt: 0,
  expiresAt: 10_000_000,
  generation: 0,
  throttle: { limit: 1, periodSeconds: 1, lockoutSeconds: 1, scope: 'account', warnAt: [] },
  allowedOrigins: [],
  ...over,
});

describe('TokenCache', () => {
  it('serves a principal until the earlier of its expiry and the re-read age', () => {
    const cache = new TokenCache();
    cache.set('h', principal({ expiresAt: 1000 }), 0);
    expect(cache.get('h', 999)?.tokenId).toBe('tok_1');
    expect(cache.get('h', 1000)).toBeUndefined();
    cache.set('h2', principal(), 0);
    expect(cache.get('h2', 5 * 60_000)).toBeUndefined();
  });

  it('forgets by token and by account, and remembers unknown hashes', () => {
    const cache = new TokenCache();
    cache.set('a', principal({ tokenId: 'tok_a' }), 0);
    cache.set('b', principal({ tokenId: 'tok_b', accountId: 'acc_2' }), 0);
    cache.forgetTokenId('tok_a');
    expect(cache.get('a', 1)).toBeUndefined();
    cache.forgetAccount('acc_2');
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.isKnownBad('zzz')).toBe(false);
    cache.rememberBad('zzz');
    expect(cache.isKnownBad('zzz')).toBe(true);
  });
});
