/**
 * An answer the API refused, or one the client gave up retrying: the product's error code
 * (`not_found`, `validation_failed`, `throttled`, `quota_exceeded`, `insufficient_scope`,
 * `invalid_client`, `temporarily_unavailable`, …) with what the answer said.
 */
export class TollgateError extends Error {
  override readonly name = 'TollgateError';

  constructor(
    /** HTTP status of the answer. */
    readonly status: number,
    /** The product's error code: the body's `error` (both the API's shape and RFC 6749's). */
    readonly code: string,
    message: string,
    /** The request id to quote when reporting a problem (`X-Request-Id`). */
    readonly requestId: string | undefined,
    /** Seconds the server asked to wait (`Retry-After`), when it said. */
    readonly retryAfter: number | undefined,
    /** The parsed body (JSON), or its text. */
    readonly body: unknown,
  ) {
    super(message);
  }

  /** For `validation_failed`: each offending field and its problems. */
  get fields(): { field: string; problems: string[] }[] {
    const fields = (this.body as { fields?: unknown } | undefined)?.fields;
    return Array.isArray(fields) ? (fields as { field: string; problems: string[] }[]) : [];
  }

  /** Builds the error from an answer whose body was already read. */
  static fromAnswer(response: Response, body: unknown): TollgateError {
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const code = typeof b.error === 'string' ? b.error : `http_${response.status}`;
    const text =
      typeof b.message === 'string'
        ? b.message
        : typeof b.error_description === 'string'
          ? b.error_description
          : `${response.status} ${response.statusText}`.trim();
    const requestId =
      (typeof b.requestId === 'string' ? b.requestId : undefined) ?? response.headers.get('x-request-id') ?? undefined;
    return new TollgateError(
      response.status,
      code,
      `${code}: ${text}`,
      requestId,
      retryAfterSeconds(response.headers.get('retry-after')),
      body,
    );
  }

  /** Reads the answer's body (JSON when it says so) and builds the error. */
  static async from(response: Response): Promise<TollgateError> {
    const text = await response.text().catch(() => '');
    let body: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) {
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON after all: keep the text.
      }
    }
    return TollgateError.fromAnswer(response, body);
  }
}

/** `Retry-After` as seconds: delta-seconds or an HTTP date (RFC 9110 10.2.3); undefined when absent or unreadable. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
