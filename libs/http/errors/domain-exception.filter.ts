import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  BearerError,
  DomainError,
  type DomainErrorKind,
  OAuthError,
  StoreUnavailableError,
} from '@tollgate/domain-errors';
import { isDataApiRoute, matchedRoute } from '../access/route-registry';
import { handlerEntered, NOT_APPLIED_HEADER } from '../request-effects';
import { isRedisUnavailable, isStoreUnavailable } from '@tollgate/persistence';
import type { MetricsService } from '@tollgate/metrics';
import { renderBody } from '../representation/representation';

const STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  too_many: 429,
  unavailable: 503,
};

/** Routes whose errors must have the RFC 6749/7009/7662 shape, whatever raised them (matched route patterns). */
const OAUTH_ROUTES = /^\/(oauth\/|Auth\/login\/)/;

/**
 * The one mapping from errors to HTTP, registered by each app that serves HTTP (the api, and the
 * worker's health/metrics port). Libs throw typed domain errors; Nest and Fastify throw
 * HttpExceptions or FST_* errors for routing, body size and content type; anything else is a bug and
 * becomes a logged 500 carrying only the request id.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainExceptionFilter.name);
  constructor(
    private readonly realm: string,
    private readonly metrics?: MetricsService,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    // The matched route's pattern, never the request URL: one route, however its path is spelled.
    const route = matchedRoute(req) ?? '';
    const requestId = String(req.id ?? '');
    const { status, body, headers } = this.map(exception, route, requestId);
    if (isStoreUnavailable(exception) || isRedisUnavailable(exception)) {
      this.logger.warn(
        { requestId, route, reason: (exception as Error).name },
        isStoreUnavailable(exception) ? 'store unavailable' : 'redis unavailable',
      );
    } else if (status >= 500 && !(exception instanceof DomainError)) {
      this.logger.error({ err: exception, requestId, route }, 'unhandled error');
    }
    if (status === 401 || status === 403 || status === 429 || status === 503)
      this.metrics?.refusals.inc({ status: String(status), reason: String(body.error ?? 'unknown') });
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    // Refused by a guard (Redis or the store away during authentication or admission): nothing was
    // applied, and the client may retry whatever the method.
    if (status === 503 && !handlerEntered(req)) reply.header(NOT_APPLIED_HEADER, 'false');
    if (OAUTH_ROUTES.test(route)) reply.header('cache-control', 'no-store');
    const accept = String(req.headers.accept ?? '');
    const rendered = isDataApiRoute(route)
      ? renderBody(body, accept, 'error')
      : { type: 'application/json; charset=utf-8', payload: JSON.stringify(body) };
    reply.status(status).type(rendered.type).send(rendered.payload);
  }

  private map(
    raw: unknown,
    route: string,
    requestId: string,
  ): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
    // The store or Redis being away is a 503 the client may retry, whichever lib's call ran into it.
    const exception = isStoreUnavailable(raw) || isRedisUnavailable(raw) ? new StoreUnavailableError() : raw;
    if (exception instanceof StoreUnavailableError && OAUTH_ROUTES.test(route)) {
      return {
        status: 503,
        body: { error: 'temporarily_unavailable', error_description: exception.message },
        headers: exception.headers ?? {},
      };
    }
    if (exception instanceof OAuthError) {
      const headers: Record<string, string> = {};
      if (exception.error === 'invalid_client' || exception.challengeBasic)
        headers['www-authenticate'] = `Basic realm="${this.realm}"`;
      return {
        status: exception.error === 'invalid_client' ? 401 : STATUS[exception.kind],
        body: { error: exception.error, error_description: exception.message },
        headers,
      };
    }
    if (exception instanceof BearerError) {
      const parts = [`realm="${this.realm}"`];
      if (exception.error !== 'missing_token')
        parts.push(`error="${exception.error}"`, `error_description="${exception.message.replace(/"/g, "'")}"`);
      if (exception.requiredScopes.length) parts.push(`scope="${exception.requiredScopes.join(' ')}"`);
      return {
        status: STATUS[exception.kind],
        body: {
          error: exception.error === 'missing_token' ? 'unauthorized' : exception.error,
          message: exception.message,
          requestId,
        },
        headers: { 'www-authenticate': `Bearer ${parts.join(', ')}` },
      };
    }
    if (exception instanceof DomainError) {
      return {
        status: STATUS[exception.kind],
        body: { error: exception.code, message: exception.message, ...(exception.details ?? {}), requestId },
        headers: exception.headers ?? {},
      };
    }
    const { status, message } = this.transportError(exception);
    if (OAUTH_ROUTES.test(route) && status < 500) {
      return {
        status: status === 404 || status === 405 ? status : 400,
        body: { error: 'invalid_request', error_description: message },
        headers: {},
      };
    }
    return {
      status,
      body: {
        error: status >= 500 ? 'internal_error' : httpErrorCode(status),
        message: status >= 500 ? 'internal error; quote the request id when reporting it' : message,
        requestId,
      },
      headers: {},
    };
  }

  /** Nest HttpExceptions and Fastify's own errors (bad JSON, body too large, unsupported type). */
  private transportError(exception: unknown): { status: number; message: string } {
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : String((response as { message?: unknown }).message ?? exception.message);
      return { status: exception.getStatus(), message: Array.isArray(message) ? message.join('; ') : message };
    }
    const fst = exception as { code?: string; statusCode?: number; message?: string };
    if (
      typeof fst?.code === 'string' &&
      fst.code.startsWith('FST_') &&
      typeof fst.statusCode === 'number' &&
      fst.statusCode < 500
    ) {
      const messages: Record<string, string> = {
        FST_ERR_CTP_BODY_TOO_LARGE: 'request body is larger than the limit',
        FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported content type',
        FST_ERR_CTP_EMPTY_JSON_BODY: 'empty JSON body',
        FST_ERR_CTP_INVALID_JSON_BODY: 'body is not valid JSON',
      };
      return { status: fst.statusCode, message: messages[fst.code] ?? 'malformed request' };
    }
    if (exception instanceof SyntaxError) return { status: 400, message: 'body is not valid JSON' };
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, message: 'internal error' };
  }
}

function httpErrorCode(status: number): string {
  switch (status) {
    case 400:
      return 'bad_request';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    default:
      return 'http_' + status;
  }
}
