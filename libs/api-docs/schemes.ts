/** Names of the document's security schemes. */
export const OAUTH2_SCHEME = 'oauth2';
export const ACCESS_TOKEN_HEADER_SCHEME = 'accessToken';
export const OPERATOR_KEY_SCHEME = 'operatorKey';
export const CLIENT_SECRET_BASIC_SCHEME = 'clientSecretBasic';

/**
 * On a 503, `Tollgate-Request-Applied: false` says the request was refused before it could have had
 * any effect (no handler ran), so a client may retry even a non-idempotent request. Without it, a
 * write may or may not have been applied.
 */
export const NOT_APPLIED_HEADER = 'Tollgate-Request-Applied';
