import type { TokenThrottle } from '@tollgate/credentials';

export interface TokenRecord {
  id: string;
  accountId: string;
  tokenHash: string;
  scopes: string[];
  issuedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  generation: number;
  throttle: TokenThrottle;
  via: 'oauth' | 'insideview';
}

/** A token as listed to operators: never the token value nor its hash. */
export interface TokenSummary {
  tokenId: string;
  scopes: string[];
  issuedAt: string;
  expiresAt: string;
  via: string;
}
