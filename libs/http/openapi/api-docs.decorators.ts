import { applyDecorators } from '@nestjs/common';
import { ApiConsumes, ApiExtension, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { OAuthErrorBody, TooManyFailuresBody } from './error-bodies';
import { CLIENT_SECRET_BASIC_SCHEME, NOT_APPLIED_HEADER, OPERATOR_KEY_SCHEME } from './schemes';

const retryAfter = { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } };

/**
 * An OAuth endpoint that authenticates its client (RFC 6749 2.3.1): `client_secret_basic` (HTTP Basic,
 * the `clientSecretBasic` scheme) or `client_secret_post` (`client_id` and `client_secret` in the
 * form body, which OpenAPI cannot name as a scheme: the empty requirement `{}` stands for it, and
 * `x-client-authentication` lists both by their RFC 8414 names). `operatorKey` adds the operator key
 * as a third way (introspection).
 */
export function ApiClientAuthentication(options: { operatorKey?: boolean } = {}) {
  return applyDecorators(
    ApiSecurity(CLIENT_SECRET_BASIC_SCHEME),
    ApiSecurity({}),
    ...(options.operatorKey ? [ApiSecurity(OPERATOR_KEY_SCHEME)] : []),
    ApiExtension('x-client-authentication', ['client_secret_basic', 'client_secret_post']),
  );
}

/** An OAuth endpoint: form body, RFC 6749 errors. */
export function ApiOAuthEndpoint() {
  return applyDecorators(
    ApiConsumes('application/x-www-form-urlencoded'),
    ApiResponse({
      status: 400,
      description: 'RFC 6749 5.2 error',
      type: OAuthErrorBody,
      headers: { 'Cache-Control': { schema: { type: 'string', example: 'no-store' } } },
    }),
    ApiResponse({ status: 401, description: '`invalid_client` with `WWW-Authenticate: Basic`', type: OAuthErrorBody }),
    ApiResponse({
      status: 429,
      description: 'Too many failed client authentications from this address (`too_many_failures`)',
      headers: retryAfter,
      type: TooManyFailuresBody,
    }),
    ApiResponse({
      status: 503,
      description: `The store is unavailable (\`temporarily_unavailable\`); retry after \`Retry-After\`. \`${NOT_APPLIED_HEADER}: false\` when the request had no effect.`,
      headers: {
        ...retryAfter,
        [NOT_APPLIED_HEADER]: {
          description: '`false`: refused before any effect, safe to retry',
          schema: { type: 'string', enum: ['false'] },
        },
      },
      type: OAuthErrorBody,
    }),
    // Query-string credentials (InsideView style) can make the request line longer than the server's
    // header limit: Node answers that itself, before any route runs.
    ApiResponse({ status: 431, description: 'Request line and headers larger than the server accepts (16 KiB)' }),
  );
}

/** A form-encoded request body schema: field → description. */
export function formSchema(fields: Record<string, string>, required: string[]) {
  // Each parameter a non-empty string of at most 1024 characters (the token endpoints' singleParams).
  // OpenAPI 3.0 wants `required` absent rather than empty.
  return {
    type: 'object',
    properties: Object.fromEntries(
      Object.entries(fields).map(([k, d]) => [k, { type: 'string', minLength: 1, maxLength: 1024, description: d }]),
    ),
    ...(required.length ? { required } : {}),
  };
}
