import { retryAfterSeconds } from './tollgate-error.js';

/** Methods whose repetition has the effect of one request (RFC 9110 9.2.2). */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/**
 * The header a 503 carries when the server refused the request before any effect (`false`): only then
 * is a non-idempotent request (POST, PATCH) retried after a 503.
 */
export const NOT_APPLIED_HEADER = 'tollgate-request-applied';

/** Wait when the server gives no `Retry-After`: 0.5 s, 1 s, 2 s, … up to 8 s. */
const backoffMs = (attempt: number) => Math.min(8_000, 500 * 2 ** attempt);

/**
 * How long to wait before sending this request again, or undefined when it must not be retried:
 * - 429 (throttled, a quota used up, too many failed authentications): always refused before any
 *   effect, so retried whatever the method;
 * - 503 (the store or rate limiting away): retried for idempotent methods, and for the others only
 *   when the server says the request was not applied;
 * - anything else: not retried.
 */
export function retryDelayMs(
  method: string,
  response: Response,
  attempt: number,
  now = Date.now(),
): number | undefined {
  if (response.status === 503) {
    const notApplied = response.headers.get(NOT_APPLIED_HEADER)?.trim().toLowerCase() === 'false';
    if (!IDEMPOTENT.has(method.toUpperCase()) && !notApplied) return undefined;
  } else if (response.status !== 429) {
    return undefined;
  }
  const seconds = retryAfterSeconds(response.headers.get('retry-after'), now);
  return seconds !== undefined ? seconds * 1000 : backoffMs(attempt);
}

export interface RetryEvent {
  method: string;
  url: string;
  status: number;
  attempt: number;
  waitMs: number;
}

export interface RetryOptions {
  /** Total time the client may spend waiting between attempts of one request; beyond it the error is returned. */
  maxWaitMs: number;
  /** Attempts of one request at most, the first included. */
  maxAttempts: number;
  onRetry?: (event: RetryEvent) => void;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Sends a request, and again while the answer says to retry and the wait stays within the bound.
 * Returns the last answer: a caller sees the error when retrying would take longer than allowed.
 */
export async function sendWithRetries(
  request: Request,
  send: (request: Request) => Promise<Response>,
  options: RetryOptions,
): Promise<Response> {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    // A Request's body can be read once: each attempt sends a copy.
    const response = await send(request.clone());
    const wait = retryDelayMs(request.method, response, attempt);
    if (wait === undefined || attempt + 1 >= options.maxAttempts || waited + wait > options.maxWaitMs) return response;
    await response.body?.cancel();
    options.onRetry?.({
      method: request.method,
      url: request.url,
      status: response.status,
      attempt: attempt + 1,
      waitMs: wait,
    });
    await options.sleep(wait);
    waited += wait;
  }
}
