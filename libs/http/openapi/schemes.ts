/** Names of the document's security schemes. */
export const OAUTH2_SCHEME = 'oauth2';
export const ACCESS_TOKEN_HEADER_SCHEME = 'accessToken';
export const OPERATOR_KEY_SCHEME = 'operatorKey';
export const CLIENT_SECRET_BASIC_SCHEME = 'clientSecretBasic';
/** The operator console's session cookie: operator routes accept it as they accept the operator key. */
export const CONSOLE_SESSION_SCHEME = 'consoleSession';

/** The header a 503 carries when the request had no effect (defined where the filter sets it). */
export { NOT_APPLIED_HEADER } from '../request-effects';
