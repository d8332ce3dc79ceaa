/**
 * Every Redis key of an account's access state, built in one place. The `{accountId}` hash tag puts
 * all of them in one Redis Cluster slot, so each script (which touches several atomically) runs
 * unchanged on a cluster, and a master that loses its memory loses whole accounts, never half of one.
 */
export function accountKey(prefix: string, accountId: string, suffix: string): string {
  return `${prefix}:{${accountId}}:${suffix}`;
}

/** The account's state hash (fields: {@link AccountField}); read by the admission script on every request. */
export function accountStateKey(prefix: string, accountId: string): string {
  return accountKey(prefix, accountId, 'acct');
}

/** A token's state hash: `revoked`, and its throttling window (`ws` start, `c` count). */
export function tokenStateKey(prefix: string, accountId: string, tokenId: string): string {
  return accountKey(prefix, accountId, `t:${tokenId}`);
}

/** The account's live tokens (member token id, score expiry ms): the exact maxActiveTokens count. */
export function activeTokensKey(prefix: string, accountId: string): string {
  return accountKey(prefix, accountId, 'tokens');
}

/** Tokens' own lockouts (throttle scope `token`): token id → lockout end ms. */
export function tokenLockoutsKey(prefix: string, accountId: string): string {
  return accountKey(prefix, accountId, 'tlocks');
}

/**
 * Prefix of the account's usage hashes: `<p><epoch>:d:<YYYY-MM-DD>` (per API and API|token) and
 * `<p><epoch>:m:<YYYY-MM>` (per API), one set per epoch (a usage segment); `<p>base` holds what the
 * record in Mongo had used in the current day and month when the epoch began (quota starting point).
 */
export function usageKeyPrefix(prefix: string, accountId: string): string {
  return accountKey(prefix, accountId, 'u:');
}

/** The quota starting point of the current epoch: `d:<day>|<api>` and `m:<month>|<api>` → used. */
export function usageBaseKey(prefix: string, accountId: string): string {
  return `${usageKeyPrefix(prefix, accountId)}base`;
}

/** (epoch, day) pairs whose totals changed since the relay last shipped them: `<epoch>/<day>` → version. */
export function usageDirtyKey(prefix: string, accountId: string): string {
  return accountKey(prefix, accountId, 'dirty');
}

/** Discrete events (warnings, lockouts, quota crossings) waiting for the relay. */
export function usageEventsKey(prefix: string, accountId: string): string {
  return accountKey(prefix, accountId, 'ev');
}

/** The relay's one in-flight usage job of the account (job id and what to acknowledge when it is applied). */
export function usageInFlightKey(prefix: string, accountId: string): string {
  return accountKey(prefix, accountId, 'relayjob');
}

/** Accounts with usage to relay, scored by when the relay may next take them (a lease). Not per account. */
export function relayQueueKey(prefix: string): string {
  return `${prefix}:usage:relay`;
}

/**
 * Field names of the account state hash. The Lua scripts spell the same names (a spec checks that
 * each one appears in them); TypeScript code uses these constants.
 */
export const AccountField = {
  /** Epoch (usage segment id) of the state; written last by a rebuild. Absent: the state was lost. */
  epoch: 'ep',
  /** A rebuild's claim (nonce); any security write clears it so a stale rebuild cannot finish. */
  rebuildClaim: 'rb',
  disabled: 'disabled',
  /** Token generation: tokens issued under a lower one are refused (revoke-all). */
  generation: 'gen',
  /** The account record's revision: issuers' in-process copies of the account older than it are refused. */
  revision: 'rev',
  /** Writes to the account record in progress (then `writeStartedAt`): copies are not used meanwhile. */
  writesInProgress: 'wip',
  writeStartedAt: 'wipAt',
  /** Account-wide lockout end, ms. */
  lockout: 'lock',
  /** `q:<api>`: the API's quota specs, "period,limit,enforce,warn|warn;...". */
  quotaPrefix: 'q:',
  /** `qu:<api>`: quota waivers from an operator unlock, "day:<day> month:<month>". */
  waiverPrefix: 'qu:',
  /** Last relay registration, ms. */
  registeredAt: 'reg',
  /** Dirty-mark version counter. */
  dirtyVersion: 'dv',
  /** Relay snapshot sequence (names usage jobs). */
  relaySeq: 'relaySeq',
} as const;
