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

/**
 * Fields of draft-ietf-httpapi-ratelimit-headers-10 (sections 3 and 4), one list item per policy
 * that applied: `RateLimit-Policy` names each with its quota `q` and window `w` in seconds;
 * `RateLimit` gives, for the same name, the remaining quota `r` and the seconds `t` until it resets.
 * Structured-field syntax, e.g.
 *   RateLimit-Policy: "token";q=100;w=300, "burst";q=10;w=1
 *   RateLimit: "token";r=42;t=117, "burst";r=9;t=1
 */
export function rateLimitHeaders(policies: AppliedPolicy[]): Record<string, string> {
  return {
    'ratelimit-policy': policies.map((p) => `"${p.name}";q=${p.limit};w=${p.periodSeconds}`).join(', '),
    ratelimit: policies
      .map((p) => `"${p.name}";r=${Math.max(0, p.remaining)};t=${Math.max(0, Math.ceil(p.resetInSeconds))}`)
      .join(', '),
  };
}

/** Documented warning header: the highest `warnAt` fraction of the limit this window has reached. */
export const THROTTLE_WARNING_HEADER = 'tollgate-throttle-warning';
