import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CORS_PREFLIGHT_ROUTE, isDataApiRoute, matchedRoute, type TollgateRequest } from '@tollgate/http';
import type { Principal } from '@tollgate/tokens';
import { AllowedOriginsCache } from './allowed-origins.cache';
import { actualRequestHeaders, originKey, preflightHeaders, varyWithOrigin } from './cors-policy';

/**
 * Fastify hooks rather than Nest's `enableCors`: the answer to an actual request depends on the
 * caller's account, known only after the bearer guard, and it must also reach error responses
 * (401/403/429 thrown by the guards), which only an `onSend` hook sees.
 *
 * Request-path cost: no Mongo and no Redis call. Preflights are answered from the in-memory origin
 * set; actual requests from the principal the bearer guard has already resolved.
 */
@Injectable()
export class CorsHooks implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly origins: AllowedOriginsCache,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    // Application contexts (the seed, the worker) have no HTTP server to decorate.
    if (!adapter || adapter.getType() !== 'fastify') return;
    const fastify = adapter.getInstance<FastifyInstance>();
    // Preflights get a route of their own (declared public in the route registry: a preflight
    // carries no token), so the router, not a test on the URL, decides what is a data API path.
    fastify.route({
      method: 'OPTIONS',
      url: CORS_PREFLIGHT_ROUTE,
      handler: (request, reply) => this.preflight(request, reply),
    });
    // A callback, not a promise: it runs on every answer.
    fastify.addHook('onSend', (request, reply, payload, done) => {
      this.decorate(request as TollgateRequest<Principal>, reply);
      done(null, payload);
    });
  }

  /**
   * A preflight carries no token, so it is allowed when any active account lists the origin; the
   * real request is then checked against the caller's own account. No guard, throttle or meter sees it.
   */
  private async preflight(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const raw = request.headers.origin;
    // An OPTIONS without the two preflight headers is not a preflight: nothing answers it.
    if (typeof raw !== 'string' || request.headers['access-control-request-method'] === undefined) {
      return reply
        .code(404)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify({ error: 'not_found', message: 'no such route', requestId: request.id }));
    }
    const origin = originKey(raw);
    reply.header('vary', varyWithOrigin(reply.getHeader('vary')));
    // Refused origins get the same 204, without CORS headers: the browser blocks the call, and the
    // status does not tell a prober anything the missing header does not.
    if (origin && (await this.origins.hasFresh(origin))) reply.headers(preflightHeaders(raw));
    return reply.code(204).send();
  }

  private decorate(request: TollgateRequest<Principal>, reply: FastifyReply): void {
    if (request.method === 'OPTIONS' || !isDataApiRoute(matchedRoute(request))) return;
    const raw = request.headers.origin;
    if (typeof raw !== 'string') return;
    reply.header('vary', varyWithOrigin(reply.getHeader('vary')));
    const origin = originKey(raw);
    if (!origin) return;
    const principal = request.principal;
    // After authentication: the caller's account decides. Without a principal (a 401 for a missing or
    // expired token, a 413 before the guards) the origin set that answers preflights decides,
    // so a browser application can read the 401 and fetch a new token instead of seeing a network error.
    const allowed = principal
      ? principal.allowedOrigins.some((o) => o.toLowerCase() === origin)
      : this.origins.has(origin);
    if (allowed) reply.headers(actualRequestHeaders(raw));
  }
}
