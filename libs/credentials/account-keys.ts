/**
 * Redis key of one account's data. The `{accountId}` hash tag puts every key of an account in one
 * Redis Cluster slot, so the admission script (which touches several of them atomically) runs
 * unchanged on a cluster.
 */
export function accountKey(prefix: string, accountId: string, suffix: string): string {
  return `${prefix}:{${accountId}}:${suffix}`;
}

/** The account's state hash: `disabled`, `gen` (token generation), lockouts; read by the admission script. */
export function accountStateKey(prefix: string, accountId: string): string {
  return accountKey(prefix, accountId, 'acct');
}
