/** A quota as the access state enforces it (structurally the credentials lib's QuotaPolicy). */
export interface QuotaRule {
  api: string;
  period: 'month' | 'day' | 'hour';
  limit: number;
  warnAt: number[];
  enforce: 'hard' | 'alert';
}

/**
 * A GCRA window (a token bucket) the admission script enforces from the account's state (not the token's
 * snapshot): the burst window over all APIs (`api` null) or one API's window. Over it: refused, no
 * lockout, nothing counted.
 */
export interface WindowRule {
  api: string | null;
  limit: number;
  periodSeconds: number;
}

/**
 * A monthly credit allocation across all APIs (renewed each UTC month). Requests spend their cost
 * from it; `hard`: a request whose cost is more than what is left is refused.
 */
export interface CreditRule {
  monthly: number;
  enforce: 'hard' | 'alert';
  /** Fractions of `monthly` at which a warning is raised, ascending. */
  warnAt: number[];
}

/** The policies the admission script reads from the account's state (not from the token's snapshot). */
export interface AccountPolicies {
  quotas: QuotaRule[];
  /** Burst and per-API windows (the main window is each token's snapshot). */
  windows: WindowRule[];
  credits: CreditRule | null;
}

/** A hard quota waived by an operator unlock for the rest of one period. */
export interface QuotaWaiver {
  api: string;
  period: 'hour' | 'day' | 'month';
  /** The period's key: `YYYY-MM-DDTHH`, `YYYY-MM-DD` or `YYYY-MM` (UTC, script clock). */
  key: string;
}

/**
 * Everything the record in Mongo says about an account's access, as needed to rebuild its Redis
 * state: each field is a security decision Redis enforces, or the usage a quota counts.
 */
export interface AccessRecord extends AccountPolicies {
  disabled: boolean;
  tokenGeneration: number;
  /** The account record's revision (raised by every write to it). */
  revision: number;
  /** Revoked tokens that have not expired yet (at or above the current generation). */
  revokedTokens: { tokenId: string; expiresAt: number }[];
  /**
   * What the usage record already holds for the current periods: transactions per API of the hour,
   * day and month, and the credits (sum of costs, every API) of the month.
   */
  used: UsedInPeriods;
}

export interface UsedInPeriods {
  hour: Record<string, number>;
  day: Record<string, number>;
  month: Record<string, number>;
  credits: number;
}

/** Nothing used yet (a new account, or one whose record is gone). */
export const NOTHING_USED: UsedInPeriods = { hour: {}, day: {}, month: {}, credits: 0 };

/** The current hour, day and month (UTC, script clock) a rebuild is for. */
export interface AccessPeriod {
  now: number;
  /** `YYYY-MM-DDTHH` */
  hour: string;
  day: string;
  month: string;
}

/**
 * Reads an account's access record from Mongo. Implemented where the owning libraries meet
 * (accounts, tokens, usage); this library only says what it needs. `null`: no such account.
 */
export abstract class AccessRecordSource {
  abstract load(accountId: string, period: AccessPeriod): Promise<AccessRecord | null>;
}
