import { DomainError } from '@tollgate/domain-errors';

/** 429 during a throttling lockout. */
export class ThrottledError extends DomainError {
  constructor(scope: 'account' | 'token', retryAfter: number, lockedUntil: number, headers: Record<string, string>) {
    super('too_many', 'throttled', `too many requests: locked out (${scope}) for ${retryAfter} s`, {
      scope,
      retryAfter,
      lockedUntil: new Date(lockedUntil).toISOString(),
    });
    this.headers = { ...headers, 'retry-after': String(retryAfter) };
  }
}

/** 429 over the account's burst window: no lockout, nothing counted; one more fits after `retryAfter`. */
export class BurstLimitedError extends DomainError {
  constructor(limit: number, periodSeconds: number, retryAfter: number, headers: Record<string, string>) {
    super('too_many', 'burst_limited', `too many requests at once: at most ${limit} per ${periodSeconds} s`, {
      retryAfter,
    });
    this.headers = { ...headers, 'retry-after': String(retryAfter) };
  }
}

/** 429 over the account's window for one API: no lockout, nothing counted. */
export class ApiLimitedError extends DomainError {
  constructor(api: string, limit: number, periodSeconds: number, retryAfter: number, headers: Record<string, string>) {
    super('too_many', 'api_limited', `too many requests to API ${api}: at most ${limit} per ${periodSeconds} s`, {
      api,
      retryAfter,
    });
    this.headers = { ...headers, 'retry-after': String(retryAfter) };
  }
}

/** 429 while a hard quota of this API is used up for the period. */
export class QuotaExceededError extends DomainError {
  constructor(
    api: string,
    period: 'month' | 'day' | 'hour',
    resetAt: number,
    retryAfter: number,
    headers: Record<string, string> = {},
  ) {
    const adjective = { hour: 'hourly', day: 'daily', month: 'monthly' }[period];
    super(
      'too_many',
      'quota_exceeded',
      `the ${adjective} quota of API ${api} is used up until ${new Date(resetAt).toISOString()}`,
      {
        api,
        period,
        resetAt: new Date(resetAt).toISOString(),
        retryAfter,
      },
    );
    this.headers = { ...headers, 'retry-after': String(retryAfter) };
  }
}

/**
 * 429 when the month's hard credit allocation has less left than this request costs: nothing counted;
 * cheaper requests may still fit, and the allocation renews at `resetAt` (the next UTC month).
 */
export class CreditsExhaustedError extends DomainError {
  constructor(resetAt: number, retryAfter: number, remaining: number, cost: number, headers: Record<string, string>) {
    super(
      'too_many',
      'credits_exhausted',
      `this request costs ${cost} credits and ${remaining} are left this month, until ${new Date(resetAt).toISOString()}`,
      { resetAt: new Date(resetAt).toISOString(), remaining, cost, retryAfter },
    );
    this.headers = { ...headers, 'retry-after': String(retryAfter) };
  }
}

/** 503 when Redis is unreachable and the outage policy is fail-closed. */
export class ThrottlingUnavailableError extends DomainError {
  constructor() {
    super('unavailable', 'throttling_unavailable', 'rate limiting is temporarily unavailable; retry shortly');
    this.headers = { 'retry-after': '1' };
  }
}
