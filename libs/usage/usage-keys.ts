import { accountKey } from '@tollgate/credentials';

/** Prefix of the account's usage hashes: `<p>d:<YYYY-MM-DD>` (per API and API|token) and `<p>m:<YYYY-MM>` (per API). */
export function usageKeyPrefix(prefix: string, accountId: string): string {
  return accountKey(prefix, accountId, 'u:');
}

/** Days whose totals changed since the relay last shipped them: hash day → version. */
export function usageDirtyKey(prefix: string, accountId: string): string {
  return accountKey(prefix, accountId, 'dirty');
}

/** Discrete events (warnings, lockouts, quota crossings) waiting for the relay. */
export function usageEventsKey(prefix: string, accountId: string): string {
  return accountKey(prefix, accountId, 'ev');
}

/** Accounts with usage to relay, scored by when the relay may next take them (a lease). Background use only. */
export function relayQueueKey(prefix: string): string {
  return `${prefix}:usage:relay`;
}
