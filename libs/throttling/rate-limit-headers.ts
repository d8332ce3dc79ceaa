import type { ThrottlePolicy } from '@tollgate/credentials';

/**
 * Fields of draft-ietf-httpapi-ratelimit-headers-10 (section 3 and 4): `RateLimit-Policy` names a
 * policy with its quota `q` and window `w` in seconds; `RateLimit` gives the remaining quota `r` and
 * the seconds `t` until it resets, for that named policy. Structured-field syntax, e.g.
 *   RateLimit-Policy: "token";q=100;w=300
 *   RateLimit: "token";r=42;t=117
 */
export function rateLimitHeaders(
  policy: ThrottlePolicy,
  remaining: number,
  resetInSeconds: number,
): Record<string, string> {
  return {
    'ratelimit-policy': `"token";q=${policy.limit};w=${policy.periodSeconds}`,
    ratelimit: `"token";r=${Math.max(0, remaining)};t=${Math.max(0, Math.ceil(resetInSeconds))}`,
  };
}

/** Documented warning header: the highest `warnAt` fraction of the limit this window has reached. */
export const THROTTLE_WARNING_HEADER = 'tollgate-throttle-warning';
