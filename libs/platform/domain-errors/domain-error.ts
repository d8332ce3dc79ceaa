/**
 * What kind of failure a domain error is. Each app maps kinds to its transport once (the API's
 * exception filter to HTTP statuses, the CLI to exit codes); libs never speak HTTP.
 */
export type DomainErrorKind =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'too_many' | 'unavailable';

/** Base of every error a lib throws on purpose. `code` is stable and documented; `message` is for people. */
export class DomainError extends Error {
  /** Response headers the failure implies (`Retry-After`, rate-limit fields); transport-neutral names. */
  headers?: Record<string, string>;

  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The part of a class-validator error this module reads (kept structural: no runtime dependency). */
interface FieldValidationError {
  property: string;
  constraints?: Record<string, string>;
  children?: FieldValidationError[];
}

/** At most this many offending fields are listed in one error; the body says when there were more. */
export const MAX_LISTED_FIELDS = 20;
/** Field names and problems are cut to this length: an unknown key may be as long as the body. */
const MAX_TEXT = 200;

const cut = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

/**
 * Input that fails validation; `fields` names the offending fields, the first MAX_LISTED_FIELDS of
 * them, with `truncated: true` and `fieldCount` when there were more. Bounded so a body of thousands
 * of bad keys cannot make an answer larger than itself.
 */
export class ValidationFailedError extends DomainError {
  readonly fields: { field: string; problems: string[] }[];

  constructor(fields: { field: string; problems: string[] }[]) {
    const listed = fields
      .slice(0, MAX_LISTED_FIELDS)
      .map((f) => ({ field: cut(f.field), problems: f.problems.slice(0, MAX_LISTED_FIELDS).map(cut) }));
    const truncated = fields.length > listed.length;
    const names = listed.map((f) => f.field).join(', ');
    super(
      'invalid',
      'validation_failed',
      truncated ? `invalid ${names} and ${fields.length - listed.length} more fields` : `invalid ${names}`,
      truncated ? { fields: listed, truncated: true, fieldCount: fields.length } : { fields: listed },
    );
    this.fields = listed;
  }

  /** From class-validator's errors, nested fields as dotted paths (`quotas.0.limit`). */
  static fromClassValidator(errors: FieldValidationError[]): ValidationFailedError {
    const fields = (list: FieldValidationError[], prefix: string): { field: string; problems: string[] }[] =>
      list.flatMap((e) => {
        const field = prefix ? `${prefix}.${e.property}` : e.property;
        return [
          ...(e.constraints ? [{ field, problems: Object.values(e.constraints) }] : []),
          ...fields(e.children ?? [], field),
        ];
      });
    return new ValidationFailedError(fields(errors, ''));
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('not_found', 'not_found', `${what} ${JSON.stringify(id)} not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super('conflict', code, message, details);
  }
}

/**
 * An OAuth 2.0 error (RFC 6749 section 5.2, RFC 7009, RFC 7662): rendered as
 * `{ error, error_description }` with the status the RFC prescribes.
 */
export class OAuthError extends DomainError {
  constructor(
    readonly error:
      | 'invalid_request'
      | 'invalid_client'
      | 'invalid_grant'
      | 'unauthorized_client'
      | 'unsupported_grant_type'
      | 'invalid_scope'
      | 'unsupported_token_type'
      | 'temporarily_unavailable',
    readonly description: string,
    /** invalid_client via HTTP Basic must answer 401 with a Basic challenge (RFC 6749 5.2). */
    readonly challengeBasic = false,
  ) {
    super(
      error === 'invalid_client' ? 'unauthenticated' : error === 'temporarily_unavailable' ? 'unavailable' : 'invalid',
      error,
      description,
    );
  }
}

/**
 * A bearer-token failure on a protected route (RFC 6750 section 3): 401 with a `WWW-Authenticate:
 * Bearer` challenge, 403 for insufficient scope, 400 for a request that presents a token in a way
 * we refuse (query string, body, two different tokens).
 */
export class BearerError extends DomainError {
  constructor(
    readonly error: 'missing_token' | 'invalid_request' | 'invalid_token' | 'insufficient_scope',
    description: string,
    readonly requiredScopes: string[] = [],
  ) {
    super(
      error === 'insufficient_scope' ? 'forbidden' : error === 'invalid_request' ? 'invalid' : 'unauthenticated',
      error,
      description,
    );
  }
}

/**
 * The record store (MongoDB) cannot be reached or did not answer in time. Transient by nature: the
 * caller is told to retry (`Retry-After`), never shown a 500.
 */
export class StoreUnavailableError extends DomainError {
  constructor(readonly retryAfterSeconds = 2) {
    super('unavailable', 'temporarily_unavailable', 'the data store is unavailable; retry shortly');
    this.headers = { 'retry-after': String(retryAfterSeconds) };
  }
}
