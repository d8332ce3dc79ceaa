/** A quota as the access state enforces it (structurally the credentials lib's QuotaPolicy). */
export interface QuotaRule {
  api: string;
  period: 'month' | 'day';
  limit: number;
  warnAt: number[];
  enforce: 'hard' | 'alert';
}

/**
 * A sliding window the admission script enforces from the account's state (not the token's
 * snapshot): the burst window over all APIs (`api` null) or one API's window. Over it: refused, no
 * lockout, nothing counted.
 */
export interface WindowRule {
  api: string | null;
  limit: number;
  periodSeconds: number;
}

/** A hard quota waived by an operator unlock for the rest of one period. */
export interface QuotaWaiver {
  api: string;
  period: 'day' | 'month';
  /** The period's key: `YYYY-MM-DD` or `YYYY-MM` (UTC, script clock). */
  key: string;
}

/**
 * Everything the record in Mongo says about an account's access, as needed to rebuild its Redis
 * state: each field is a security decision Redis enforces, or the usage a quota counts.
 */
export interface AccessRecord {
  disabled: boolean;
  tokenGeneration: number;
  /** The account record's revision (raised by every write to it). */
  revision: number;
  quotas: QuotaRule[];
  /** Burst and per-API windows (the main window is each token's snapshot). */
  windows: WindowRule[];
  /** Revoked tokens that have not expired yet (at or above the current generation). */
  revokedTokens: { tokenId: string; expiresAt: number }[];
  /** Transactions per API already in the usage record for the current day and month. */
  used: { day: Record<string, number>; month: Record<string, number> };
}

/** The current day and month (UTC, script clock) a rebuild is for. */
export interface AccessPeriod {
  now: number;
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
