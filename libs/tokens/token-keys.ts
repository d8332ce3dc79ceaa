import { accountKey } from '@tollgate/credentials';

/**
 * The token's state hash in Redis, read and written by the admission script: `revoked`, and the
 * throttling window (`ws`, `c`, `lock`, warnings). Tagged with the account for Redis Cluster.
 */
export function tokenStateKey(prefix: string, accountId: string, tokenId: string): string {
  return accountKey(prefix, accountId, `t:${tokenId}`);
}

/** The account's live tokens (member token id, score expiry ms): the exact maxActiveTokens count. */
export function activeTokensKey(prefix: string, accountId: string): string {
  return accountKey(prefix, accountId, 'tokens');
}
