/** One policy that applied to a request, as the headers name it. */
export interface AppliedPolicy {
  /**
   * `token` (the main window), `burst`, `api:<api>`, `quota:<api>:<hour|day|month>` (a hard quota)
   * or `credits` (a hard monthly allocation).
   */
  name: string;
  limit: number;
  periodSeconds: number;
  remaining: number;
  resetInSeconds: number;
}

/** A limit as the admission result visits it (windows and resets in ms), as a policy of the headers. */
export function limitPolicy(
  name: string,
  limit: number,
  windowMs: number,
  remaining: number,
  resetInMs: number,
): AppliedPolicy {
  return { name, limit, periodSeconds: Math.round(windowMs / 1000), remaining, resetInSeconds: resetInMs / 1000 };
}

/**
 * Fields of draft-ietf-httpapi-ratelimit-headers-10 (sections 3 and 4), one list item per policy
 * that applied: `RateLimit-Policy` names each with its quota `q` and window `w` in seconds;
 * `RateLimit` gives, for the same name, the remaining quota `r` and the seconds `t` until it resets.
 * Structured-field syntax, e.g.
 *   RateLimit-Policy: "token";q=100;w=300, "burst";q=10;w=1
 *   RateLimit: "token";r=42;t=117, "burst";r=9;t=1
 */
export function rateLimitHeaders(policies: AppliedPolicy[]): Record<string, string> {
  // Built on every admitted request: one pass, no intermediate arrays.
  let policy = '';
  let state = '';
  for (let i = 0; i < policies.length; i++) {
    const p = policies[i];
    const sep = i === 0 ? '' : ', ';
    policy += `${sep}"${p.name}";q=${p.limit};w=${p.periodSeconds}`;
    state += `${sep}"${p.name}";r=${p.remaining > 0 ? p.remaining : 0};t=${p.resetInSeconds > 0 ? Math.ceil(p.resetInSeconds) : 0}`;
  }
  return { 'ratelimit-policy': policy, ratelimit: state };
}

/** Documented warning header: the highest `warnAt` fraction of the limit this window has reached. */
export const THROTTLE_WARNING_HEADER = 'tollgate-throttle-warning';
