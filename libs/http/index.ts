export { AccessGuard, BEARER_STRATEGY } from './access/access.guard';
export { CurrentPrincipal, Operator, Public, RequireScopes } from './access/access.decorators';
export { hasOperatorKey, isOperatorKey, presentedOperatorKey } from './access/operator-key';
export {
  OPERATOR_ROLES,
  OperatorAuthenticator,
  type OperatorIdentity,
  type OperatorRequest,
  type OperatorRole,
} from './access/operator-identity';
export { AUDITED, Audited, type AuditSpec } from './access/audited.decorator';
export {
  type AccessKind,
  OPERATOR_ROLE,
  REQUIRED_SCOPES,
  ROUTE_ACCESS,
  type RouteAccess,
  handlerAccess,
  routeAccessOf,
} from './access/route-access';
export {
  CORS_PREFLIGHT_ROUTE,
  DOCS_ROUTE,
  installRouteAccess,
  isDataApiRoute,
  matchedRoute,
  QUEUE_DASHBOARD_ROUTE,
  type RegisteredRoute,
  registeredRoutes,
  type RouteKind,
  usePluginOperatorAuthenticator,
} from './access/route-registry';
export type { Caller, TollgateRequest } from './access/tollgate-request';
export { TollgateFastifyAdapter } from './access/tollgate-fastify.adapter';
export { handlerEntered, markHandlerEntered, NOT_APPLIED_HEADER } from './request-effects';
export { NulCharacterPipe } from './nul-character.pipe';
export { DomainExceptionFilter } from './errors/domain-exception.filter';
export { negotiate, renderBody, type Representation } from './representation/representation';
export { toXml } from './representation/xml';
export { RepresentationInterceptor, XmlRoot, xmlRootOf } from './representation/representation.interceptor';
export { ApiClientAuthentication, ApiIpAllowList, ApiOAuthEndpoint, formSchema } from './openapi/api-docs.decorators';
export {
  ApiLimitedBody,
  CreditsExhaustedBody,
  BurstLimitedBody,
  ErrorBody,
  OAuthErrorBody,
  QuotaExceededBody,
  ThrottledBody,
  TooManyFailuresBody,
  ValidationErrorBody,
} from './openapi/error-bodies';
export { buildOpenApiDocument, setupOpenApi } from './openapi/openapi';
export {
  ACCESS_TOKEN_HEADER_SCHEME,
  CLIENT_SECRET_BASIC_SCHEME,
  OAUTH2_SCHEME,
  OPERATOR_KEY_SCHEME,
} from './openapi/schemes';
export { logRequests } from './request-log';
