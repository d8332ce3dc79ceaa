import { sendWithRetries, type RetryOptions } from './retry-policy.js';
import { TollgateError } from './tollgate-error.js';

export interface TokenSourceOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes to ask for (a subset of the account's); all of them when absent. */
  scope?: string;
  /** Get a new token this many seconds before the current one expires (at most half its lifetime). */
  refreshBeforeExpirySeconds: number;
  fetch: (request: Request) => Promise<Response>;
  now: () => number;
  retry: RetryOptions;
}

interface CachedToken {
  value: string;
  refreshAt: number;
}

/** RFC 6749 2.3.1: each part form-urlencoded before it goes into HTTP Basic. */
const formEncode = (text: string) => encodeURIComponent(text).replace(/%20/g, '+');

/**
 * Client-credentials tokens for one client: one token at a time, shared by every request, replaced
 * before it expires; concurrent callers that find it due share one token request.
 */
export class TokenSource {
  private current?: CachedToken;
  private pending?: Promise<string>;

  constructor(private readonly options: TokenSourceOptions) {}

  /** A token valid for a while yet. */
  async token(): Promise<string> {
    if (this.current && this.options.now() < this.current.refreshAt) return this.current.value;
    this.pending ??= this.request().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** Forgets `value` (the API refused it: revoked, or its account disabled then enabled). */
  invalidate(value: string): void {
    if (this.current?.value === value) this.current = undefined;
  }

  private async request(): Promise<string> {
    const { baseUrl, clientId, clientSecret, scope } = this.options;
    const body = new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) });
    const request = new Request(new URL('/oauth/token', baseUrl), {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa(`${formEncode(clientId)}:${formEncode(clientSecret)}`)}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body,
    });
    const issuedAt = this.options.now();
    const response = await sendWithRetries(request, this.options.fetch, this.options.retry);
    if (!response.ok) throw await TollgateError.from(response);
    const answer = (await response.json()) as { access_token: string; expires_in: number };
    const lifetimeMs = answer.expires_in * 1000;
    const early = Math.min(this.options.refreshBeforeExpirySeconds * 1000, lifetimeMs / 2);
    this.current = { value: answer.access_token, refreshAt: issuedAt + lifetimeMs - early };
    return answer.access_token;
  }
}
