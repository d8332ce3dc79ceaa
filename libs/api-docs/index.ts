export { ApiOAuthEndpoint, ApiOperator, ApiProtected, formSchema } from './api-docs.decorators';
export { ErrorBody, OAuthErrorBody, QuotaExceededBody, ThrottledBody, ValidationErrorBody } from './error-bodies';
export { buildOpenApiDocument, setupOpenApi } from './openapi';
