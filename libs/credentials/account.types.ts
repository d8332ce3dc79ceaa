import type { AccountPolicies, WindowRule } from '@tollgate/access-state';
/**
 * `deleted` is final: the record stays (usage and alerts name it; its name and client ID are never
 * given to another account), but the account is not found by operators and its clients cannot
 * authenticate.
 */
export type AccountStatus = 'active' | 'disabled' | 'deleted';
export const ACCOUNT_STATUSES: AccountStatus[] = ['active', 'disabled', 'deleted'];
export type LockoutScope = 'account' | 'token';
export type QuotaPeriod = 'month' | 'day' | 'hour';
export const QUOTA_PERIODS: QuotaPeriod[] = ['month', 'day', 'hour'];
export type QuotaEnforcement = 'hard' | 'alert';
/** What a token request at `maxActiveTokens` does: fail (`refuse`), or end the oldest live token. */
export type TokenLimitPolicy = 'refuse' | 'revoke-oldest';
export const TOKEN_LIMIT_POLICIES: TokenLimitPolicy[] = ['refuse', 'revoke-oldest'];

/** InsideView-style throttling: `limit` requests per token per period, then a lockout. */
/** A GCRA window (a token bucket): at most `limit` requests at once, then one every `periodSeconds / limit`. */
export interface WindowPolicy {
  limit: number;
  periodSeconds: number;
}

export interface ApiWindowPolicy extends WindowPolicy {
  api: string;
}

export interface ThrottlePolicy {
  limit: number;
  periodSeconds: number;
  lockoutSeconds: number;
  scope: LockoutScope;
  /** Fractions of `limit` at which a warning is raised, ascending, each in (0, 1). */
  warnAt: number[];
  /**
   * A short window on each token on top of the main one (e.g. 10 per second): refused without a
   * lockout. Read from the account on every request, never snapshotted into tokens.
   */
  burst?: WindowPolicy | null;
  /** A window per API product per token, refused like the burst window. Read from the account too. */
  apis?: ApiWindowPolicy[];
}

/** The part of a throttle policy a token keeps from its issuance: the main window and its lockout. */
export type TokenThrottle = Pick<ThrottlePolicy, 'limit' | 'periodSeconds' | 'lockoutSeconds' | 'scope' | 'warnAt'>;

/** The main window alone, as a token snapshots it (burst and API windows stay with the account). */
export function tokenThrottle(t: ThrottlePolicy): TokenThrottle {
  return {
    limit: t.limit,
    periodSeconds: t.periodSeconds,
    lockoutSeconds: t.lockoutSeconds,
    scope: t.scope,
    warnAt: t.warnAt,
  };
}

/** The burst and API windows of a throttle policy, as the access state enforces them. */
export function accountWindows(t: ThrottlePolicy): WindowRule[] {
  return [
    ...(t.burst ? [{ api: null, limit: t.burst.limit, periodSeconds: t.burst.periodSeconds }] : []),
    ...(t.apis ?? []).map((w) => ({ api: w.api, limit: w.limit, periodSeconds: w.periodSeconds })),
  ];
}

/**
 * A monthly credit allocation across all APIs, renewed each UTC month: each request spends its
 * route's cost. `hard`: a request whose cost is more than what is left is refused (429
 * `credits_exhausted`); `alert`: never refused, the crossings are alerts.
 */
export interface CreditPolicy {
  monthly: number;
  enforce: QuotaEnforcement;
  /** Fractions of `monthly` at which a `credits.warning` is raised, ascending. */
  warnAt: number[];
}

/** What the admission script reads from the account on every request (not snapshotted into tokens). */
export function accessPolicies(a: Pick<Account, 'quotas' | 'throttle' | 'credits'>): AccountPolicies {
  return { quotas: a.quotas, windows: accountWindows(a.throttle), credits: a.credits };
}

export interface QuotaPolicy {
  api: string;
  period: QuotaPeriod;
  limit: number;
  warnAt: number[];
  enforce: QuotaEnforcement;
}

export interface ClientSecretRecord {
  id: string;
  /** HMAC-SHA-256 of the secret under the server pepper, hex. */
  hash: string;
  createdAt: Date;
  /** Set when a rotation retires this secret: it keeps working until then (grace period). */
  expiresAt?: Date | null;
}

/** An account as the domain sees it (plain data; never a mongoose document). */
export interface Account {
  id: string;
  name: string;
  clientId: string;
  secrets: ClientSecretRecord[];
  status: AccountStatus;
  tokenTtlSeconds: number;
  maxActiveTokens: number;
  scopes: string[];
  throttle: ThrottlePolicy;
  quotas: QuotaPolicy[];
  /** The monthly credit allocation; null: none (allocatedCredits is then the sum of monthly quotas). */
  credits: CreditPolicy | null;
  allowedOrigins: string[];
  /**
   * Client addresses and CIDR blocks (normalised) the account's requests and token requests may come
   * from; empty: any. Read on every request from this process's copy of the account, which the
   * admission script proves current (see `revision`).
   */
  allowedIps: string[];
  /** At `maxActiveTokens`: refuse the token request (default), or revoke the oldest live token. */
  tokenLimit: TokenLimitPolicy;
  /** The operator's and customer's own labels (plan, CRM id, ...): shown, never used for a decision. */
  metadata: Record<string, string>;
  alertWebhookUrl?: string | null;
  /** Key of the HMAC-SHA-256 signature on webhook deliveries; shared with the customer. */
  alertWebhookSecret: string;
  /** Bumped by "revoke all": tokens issued under an older generation are refused. */
  tokenGeneration: number;
  /**
   * Raised by every write to the account (Mongo first, then the access state in Redis), so a copy of
   * the account kept in process can be checked for being current in the issuance's one Redis call.
   */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  /** Set once, when the account is deleted. */
  deletedAt?: Date | null;
}

/** The policy part of an account that an operator sets. */
export type AccountPolicy = Pick<
  Account,
  | 'tokenTtlSeconds'
  | 'maxActiveTokens'
  | 'scopes'
  | 'throttle'
  | 'quotas'
  | 'credits'
  | 'allowedOrigins'
  | 'allowedIps'
  | 'tokenLimit'
  | 'metadata'
  | 'alertWebhookUrl'
>;

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  limit: 1000,
  periodSeconds: 300,
  lockoutSeconds: 300,
  scope: 'account',
  warnAt: [0.8, 0.9],
};
/**
 * Read-only by default: the data API is one dataset shared by every account, so write access is
 * granted explicitly (`scopes: ["data:read", "data:write"]`).
 */
export const DEFAULT_SCOPES = ['data:read'];
