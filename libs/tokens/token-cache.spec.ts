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
  allowedIps: [],
  accountRevision: 0,
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

  it('drops every entry of one account at once and keeps the others', () => {
    const cache = new TokenCache();
    for (const t of ['a1', 'a2', 'a3']) cache.set(t, principal({ tokenId: `tok_${t}` }), 0);
    cache.set('b1', principal({ tokenId: 'tok_b1', accountId: 'acc_2' }), 0);
    cache.set('a2', principal({ tokenId: 'tok_a2' }), 1); // re-set: still one entry
    cache.forgetAccount('acc_1');
    expect(['a1', 'a2', 'a3'].map((t) => cache.get(t, 2))).toEqual([undefined, undefined, undefined]);
    expect(cache.get('b1', 2)?.tokenId).toBe('tok_b1');
    cache.set('a1', principal({ tokenId: 'tok_a1' }), 3);
    expect(cache.get('a1', 4)?.tokenId).toBe('tok_a1');
  });
});
