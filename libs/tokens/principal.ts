import type { TokenThrottle } from '@tollgate/credentials';

/**
 * Who is calling, as established by the bearer guard: the account, the token and the policy
 * snapshot the token was issued under. Immutable for the token's life, which is why the guard can
 * cache it; what can change (revocation, disabling, generation) is checked in Redis per request.
 */
export interface Principal {
  accountId: string;
  tokenId: string;
  scopes: string[];
  issuedAt: number;
  expiresAt: number;
  generation: number;
  throttle: TokenThrottle;
  allowedOrigins: string[];
}
