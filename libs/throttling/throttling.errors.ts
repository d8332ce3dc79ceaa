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

/** 429 while a hard quota of this API is used up for the period. */
export class QuotaExceededError extends DomainError {
  constructor(api: string, period: 'month' | 'day', resetAt: number, retryAfter: number) {
    super(
      'too_many',
      'quota_exceeded',
      `the ${period === 'day' ? 'daily' : 'monthly'} quota of API ${api} is used up until ${new Date(resetAt).toISOString()}`,
      {
        api,
        period,
        resetAt: new Date(resetAt).toISOString(),
        retryAfter,
      },
    );
    this.headers = { 'retry-after': String(retryAfter) };
  }
}

/** 503 when Redis is unreachable and the outage policy is fail-closed. */
export class ThrottlingUnavailableError extends DomainError {
  constructor() {
    super('unavailable', 'throttling_unavailable', 'rate limiting is temporarily unavailable; retry shortly');
    this.headers = { 'retry-after': '1' };
  }
}
