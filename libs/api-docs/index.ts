export { ApiClientAuthentication, ApiOAuthEndpoint, formSchema } from './api-docs.decorators';
export { ErrorBody, OAuthErrorBody, QuotaExceededBody, ThrottledBody, TooManyFailuresBody, ValidationErrorBody } from './error-bodies';
export { buildOpenApiDocument, setupOpenApi } from './openapi';
export { ACCESS_TOKEN_HEADER_SCHEME, CLIENT_SECRET_BASIC_SCHEME, CONSOLE_SESSION_SCHEME, NOT_APPLIED_HEADER, OAUTH2_SCHEME, OPERATOR_KEY_SCHEME } from './schemes';
