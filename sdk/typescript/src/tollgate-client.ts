import createClient, { type Client, type FetchResponse, type MaybeOptionalInit } from 'openapi-fetch';
import type { HttpMethod, PathsWithMethod } from 'openapi-typescript-helpers';
import type { paths } from './generated/openapi.js';
import { type RetryEvent, type RetryOptions, sendWithRetries } from './retry-policy.js';
import { TokenSource } from './token-source.js';
import { TollgateError } from './tollgate-error.js';

export interface TollgateClientOptions {
  /** Where the API is, e.g. `https://api.example.com` (its PUBLIC_URL). */
  baseUrl: string;
  /** Client credentials of an account: the client gets, caches and refreshes tokens itself. */
  clientId?: string;
  clientSecret?: string;
  /** Space-separated scopes to ask for (a subset of the account's); all of the account's when absent. */
  scope?: string;
  /** Sends the token in InsideView's `accessToken` header instead of `Authorization: Bearer`. */
  tokenHeader?: 'authorization' | 'accessToken';
  /** The operator key, for the operator routes (`/operator/v1/…`, `/metrics`). */
  operatorKey?: string;
  /**
   * The longest the client waits in total, between attempts of one request, when the API answers
   * 429 or 503 with `Retry-After` (default 30 s). A wait beyond it is not made: the error is returned.
   */
  maxRetryWaitSeconds?: number;
  /** Attempts of one request at most, the first included (default 6). */
  maxAttempts?: number;
  /** A token is replaced this long before it expires (default 60 s; at most half its lifetime). */
  refreshBeforeExpirySeconds?: number;
  /** Called before each retry, with the answer that caused it and the wait. */
  onRetry?: (event: RetryEvent) => void;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** A fetch of your own (defaults to the global one). */
  fetch?: (request: Request) => Promise<Response>;
  /** The clock token expiry is measured with (milliseconds since the epoch; defaults to Date.now). */
  now?: () => number;
}

type Paths = paths;
type Json = `${string}/json`;
// `{} extends Pick<T, K>` is how a type tests whether K is optional in T.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type RequiredKeysOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
type InitArg<Init> =
  RequiredKeysOf<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];
type DataOf<R> = R extends { data: infer D; error?: never } ? D : never;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- openapi-fetch's own bound on a paths type
type MethodOf<P extends {}, M extends HttpMethod> = <
  Path extends PathsWithMethod<P, M>,
  Init extends MaybeOptionalInit<P[Path], M & keyof P[Path]>,
>(
  url: Path,
  ...init: InitArg<Init>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as openapi-fetch indexes responses
) => Promise<DataOf<FetchResponse<P[Path][M & keyof P[Path]] & Record<string | number, any>, Init, Json>>>;

/** One HTTP method of the API, typed by route: resolves to the success body, throws {@link TollgateError} otherwise. */
export type TollgateMethod<M extends HttpMethod> = MethodOf<Paths, M>;

export interface TollgateClient {
  /** Typed calls: the success body, or a thrown {@link TollgateError} carrying the API's error code. */
  GET: TollgateMethod<'get'>;
  POST: TollgateMethod<'post'>;
  PUT: TollgateMethod<'put'>;
  PATCH: TollgateMethod<'patch'>;
  DELETE: TollgateMethod<'delete'>;
  /**
   * The same routes through openapi-fetch as is: `{ data, error, response }`, nothing thrown, for
   * callers who want the response (headers such as `RateLimit`) or the error body as data.
   */
  readonly api: Client<Paths, Json>;
  /** The current access token (fetched or refreshed when due). */
  token(): Promise<string>;
}

const TOKEN_ENDPOINTS = /^\/(oauth\/|Auth\/login\/|\.well-known\/)/;

/**
 * A client for the Tollgate API. Tokens: client credentials (HTTP Basic) on first use, shared by
 * every call, replaced before they expire, and replaced once more if the API refuses one as
 * `invalid_token` (revoked). Retries: 429 always (refused before any effect), 503 for idempotent
 * methods and, for POST and PATCH, only when the API says the request was not applied
 * (`Tollgate-Request-Applied: false`); each waits `Retry-After`, within `maxRetryWaitSeconds` in total.
 */
export function createTollgateClient(options: TollgateClientOptions): TollgateClient {
  const send = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const retry: RetryOptions = {
    maxWaitMs: (options.maxRetryWaitSeconds ?? 30) * 1000,
    maxAttempts: options.maxAttempts ?? 6,
    onRetry: options.onRetry,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  if ((options.clientId === undefined) !== (options.clientSecret === undefined))
    throw new TypeError('clientId and clientSecret go together');
  const tokens =
    options.clientId !== undefined
      ? new TokenSource({
          baseUrl: options.baseUrl,
          clientId: options.clientId,
          clientSecret: options.clientSecret!,
          scope: options.scope,
          refreshBeforeExpirySeconds: options.refreshBeforeExpirySeconds ?? 60,
          fetch: send,
          now: options.now ?? Date.now,
          retry,
        })
      : undefined;
  const tokenHeader = options.tokenHeader ?? 'authorization';

  const prepare = (request: Request, token: string | undefined): Request => {
    const headers = new Headers(request.headers);
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    if (options.operatorKey) headers.set('x-operator-key', options.operatorKey);
    if (token)
      headers.set(
        tokenHeader === 'accessToken' ? 'accesstoken' : 'authorization',
        tokenHeader === 'accessToken' ? token : `Bearer ${token}`,
      );
    return new Request(request.clone(), { headers });
  };

  const authorizedFetch = async (request: Request): Promise<Response> => {
    const needsToken = tokens && !TOKEN_ENDPOINTS.test(new URL(request.url).pathname);
    const token = needsToken ? await tokens.token() : undefined;
    const response = await sendWithRetries(prepare(request, token), send, retry);
    // A token the API no longer accepts (revoked, or its account's tokens ended): one new token, one
    // more try. A 401 is refused before any effect, so this is safe for every method.
    if (token && response.status === 401 && /invalid_token/.test(response.headers.get('www-authenticate') ?? '')) {
      tokens!.invalidate(token);
      await response.body?.cancel();
      return sendWithRetries(prepare(request, await tokens!.token()), send, retry);
    }
    return response;
  };

  const api = createClient<Paths, Json>({ baseUrl: options.baseUrl, fetch: authorizedFetch });
  const unwrapping =
    (call: (...args: never[]) => Promise<{ data?: unknown; error?: unknown; response: Response }>) =>
    async (...args: unknown[]) => {
      const { data, error, response } = await call(...(args as never[]));
      if (!response.ok) throw TollgateError.fromAnswer(response, error);
      return data;
    };
  return {
    GET: unwrapping(api.GET) as TollgateMethod<'get'>,
    POST: unwrapping(api.POST) as TollgateMethod<'post'>,
    PUT: unwrapping(api.PUT) as TollgateMethod<'put'>,
    PATCH: unwrapping(api.PATCH) as TollgateMethod<'patch'>,
    DELETE: unwrapping(api.DELETE) as TollgateMethod<'delete'>,
    api,
    token: () => {
      if (!tokens) throw new TypeError('no client credentials given');
      return tokens.token();
    },
  };
}
