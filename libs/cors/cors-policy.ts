/**
 * CORS for the data API only (the routes `isDataApiRoute` in `@tollgate/http` names). Browser
 * clients call `/api/v1` with an access token that a JavaScript application holds (as InsideView's
 * do); the token, operator and health endpoints never answer cross-origin: a browser page has no
 * business handling client secrets or operator keys.
 */

export const ALLOWED_METHODS = 'GET, POST, PUT, DELETE';
/** `accessToken` is InsideView's token header; `Accept` and the rest are CORS-safelisted already. */
export const ALLOWED_HEADERS = 'Authorization, accessToken, Content-Type, X-Request-Id';
/** What a client needs to pace itself and to quote a request in a support ticket. */
export const EXPOSED_HEADERS = 'RateLimit, RateLimit-Policy, Retry-After, X-Request-Id, Tollgate-Throttle-Warning';
/** Browsers cap this (Chrome at 2 h); 10 min keeps a removed origin from lingering long in caches. */
export const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * The form origins are compared in: accounts store them lower-cased (`scheme://host[:port]`);
 * browsers send them that way too, but a hand-made request may not. `null` (sandboxed frames,
 * file://) is never an origin anyone can allow.
 */
export function originKey(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string' || !header || header === 'null' || header.length > 200) return undefined;
  return header.toLowerCase();
}

export function preflightHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
  };
}

export function actualRequestHeaders(origin: string): Record<string, string> {
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSED_HEADERS };
}

/** Adds `Origin` to a Vary header value without repeating it. */
export function varyWithOrigin(current: unknown): string {
  const parts = (Array.isArray(current) ? current.join(',') : typeof current === 'string' ? current : '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.some((p) => p === '*' || p.toLowerCase() === 'origin')) return parts.join(', ');
  return [...parts, 'Origin'].join(', ');
}
