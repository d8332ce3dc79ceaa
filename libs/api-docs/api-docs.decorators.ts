import { applyDecorators } from '@nestjs/common';
import { ApiConsumes, ApiExtraModels, ApiOAuth2, ApiResponse, ApiSecurity, getSchemaPath } from '@nestjs/swagger';
import { ErrorBody, OAuthErrorBody, QuotaExceededBody, ThrottledBody, TooManyFailuresBody, ValidationErrorBody } from './error-bodies';

export const OAUTH2_SCHEME = 'oauth2';
export const ACCESS_TOKEN_HEADER_SCHEME = 'accessToken';
export const OPERATOR_KEY_SCHEME = 'operatorKey';

const rateLimitHeaders = {
  RateLimit: { description: 'draft-ietf-httpapi-ratelimit-headers: remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117`', schema: { type: 'string' } },
  'RateLimit-Policy': { description: 'the policy: quota `q` per window `w` seconds, e.g. `"token";q=100;w=300`', schema: { type: 'string' } },
  'Tollgate-Throttle-Warning': { description: 'present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>`', schema: { type: 'string' } },
  'X-Request-Id': { description: 'the request id (yours when sent and sane)', schema: { type: 'string' } },
};
const retryAfter = { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } };

/**
 * A protected, metered `/api/v1` route: OAuth 2.0 client-credentials (or InsideView's `accessToken`
 * header), the rate-limit fields on every answer, and the refusals the guards produce.
 */
export function ApiProtected(...scopes: string[]) {
  return applyDecorators(
    ApiExtraModels(ErrorBody, ValidationErrorBody, ThrottledBody, QuotaExceededBody, TooManyFailuresBody),
    ApiOAuth2(scopes, OAUTH2_SCHEME),
    ApiSecurity(ACCESS_TOKEN_HEADER_SCHEME),
    ApiResponse({ status: '2XX', description: 'Success (JSON, or XML for `Accept: application/xml`)', headers: rateLimitHeaders }),
    ApiResponse({ status: 400, description: 'Invalid input: every offending field named', type: ValidationErrorBody }),
    ApiResponse({ status: 401, description: 'Missing, invalid, expired or revoked token (`WWW-Authenticate: Bearer …`)', type: ErrorBody }),
    ApiResponse({ status: 403, description: 'The token lacks a scope this route needs (`insufficient_scope`)', type: ErrorBody }),
    ApiResponse({
      status: 429,
      description: 'Throttled (lockout), a hard quota used up, or too many unknown tokens from this address',
      headers: { ...retryAfter, ...rateLimitHeaders },
      // anyOf: the bodies share ErrorBody's fields, so one answer can match more than one of them.
      schema: { anyOf: [{ $ref: getSchemaPath(ThrottledBody) }, { $ref: getSchemaPath(QuotaExceededBody) }, { $ref: getSchemaPath(TooManyFailuresBody) }] },
    }),
    ApiResponse({ status: 503, description: 'Rate limiting unavailable (Redis down, fail-closed policy)', headers: retryAfter, type: ErrorBody }),
  );
}

/** An operator route: `X-Operator-Key`. */
export function ApiOperator() {
  return applyDecorators(
    ApiSecurity(OPERATOR_KEY_SCHEME),
    ApiResponse({ status: 400, description: 'Invalid input: every offending field named', type: ValidationErrorBody }),
    ApiResponse({ status: 401, description: 'Missing or wrong operator key', type: ErrorBody }),
    ApiResponse({ status: 404, description: 'Unknown account or token', type: ErrorBody }),
  );
}

/** An OAuth endpoint: form body, RFC 6749 errors. */
export function ApiOAuthEndpoint() {
  return applyDecorators(
    ApiConsumes('application/x-www-form-urlencoded'),
    ApiResponse({ status: 400, description: 'RFC 6749 5.2 error', type: OAuthErrorBody, headers: { 'Cache-Control': { schema: { type: 'string', example: 'no-store' } } } }),
    ApiResponse({ status: 401, description: '`invalid_client` with `WWW-Authenticate: Basic`', type: OAuthErrorBody }),
    ApiResponse({ status: 429, description: 'Too many failed client authentications from this address (`too_many_failures`)', headers: retryAfter, type: TooManyFailuresBody }),
    ApiResponse({ status: 503, description: 'The store is unavailable (`temporarily_unavailable`); retry after `Retry-After`', headers: retryAfter, type: OAuthErrorBody }),
    // Query-string credentials (InsideView style) can make the request line longer than the server's
    // header limit: Node answers that itself, before any route runs.
    ApiResponse({ status: 431, description: 'Request line and headers larger than the server accepts (16 KiB)' }),
  );
}

/** A form-encoded request body schema: field → description. */
export function formSchema(fields: Record<string, string>, required: string[]) {
  // Each parameter a non-empty string of at most 1024 characters (the token endpoints' singleParams).
  return { type: 'object', properties: Object.fromEntries(Object.entries(fields).map(([k, d]) => [k, { type: 'string', minLength: 1, maxLength: 1024, description: d }])), required };
}
