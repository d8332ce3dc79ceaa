import { METHOD_METADATA } from '@nestjs/common/constants';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import type { Server } from 'node:http';
import type { FastifyHttpOptions, FastifyReply, FastifyRequest } from 'fastify';
import type { TollgateConfig } from '@tollgate/config';
import { requestIdFrom } from '@tollgate/logging';
import { installRouteAccess, NEST_ROUTE } from './route-registry';

/** The adapter methods Nest's router registers controller routes with (one per HTTP method). */
const ROUTE_METHODS = [
  'get',
  'post',
  'put',
  'delete',
  'patch',
  'options',
  'head',
  'all',
  'search',
  'propfind',
  'proppatch',
  'mkcol',
  'copy',
  'move',
  'lock',
  'unlock',
] as const;

function sendUrlFree(reply: FastifyReply, requestId: string, status: number, error: string, message: string): void {
  void reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('x-request-id', requestId)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ error, message, requestId }));
}

/**
 * The Fastify adapter of every app that serves HTTP (the api and the worker's health port).
 *
 * Answers that come before any route matched never repeat the request URL: Fastify's and Nest's
 * defaults answer `Cannot POST /Auth/login/v1/token?clientSecret=…`, copying into the body a query
 * that may carry a secret; ours are the product's JSON error shape, without the URL.
 *
 * Every route is tagged before Fastify sees it. A controller route is
 * marked through its Fastify route config (Nest copies the handler's route-config metadata into the
 * route options, and Fastify carries them to the route's HEAD twin); anything else that registers a
 * route (Swagger, bull-board, static files) stays unmarked and is classified by the route registry,
 * closed unless declared. Installed before any route exists.
 */
export class TollgateFastifyAdapter extends FastifyAdapter {
  constructor(options: FastifyHttpOptions<Server>, config: Pick<TollgateConfig, 'operatorKey'>) {
    super({
      // A caller's X-Request-Id is kept (when sane) and echoed; otherwise we mint one.
      genReqId: (req: { headers: Record<string, string | string[] | undefined> }) =>
        requestIdFrom(req.headers['x-request-id']),
      // Errors Fastify raises before routing (a malformed URL or header).
      frameworkErrors: (_error: Error, req: FastifyRequest, reply: FastifyReply) =>
        sendUrlFree(reply, String(req.id), 400, 'bad_request', 'malformed request URL or header'),
      ...options,
    } as never);
    installRouteAccess(this.getInstance(), config);
    const self = this as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of ROUTE_METHODS) {
      const register = self[name];
      if (typeof register !== 'function') continue;
      self[name] = (...args: unknown[]) => {
        markNestRoute(args[args.length - 1]);
        return register.apply(this, args);
      };
    }
  }

  /** Nest calls this once at init with its handler; ours replaces it (Fastify takes one per prefix). */
  override setNotFoundHandler(): ReturnType<FastifyAdapter['setNotFoundHandler']> {
    return this.getInstance().setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
      sendUrlFree(reply, String(request.id), 404, 'not_found', 'no route matches this method and path');
    }) as never;
  }
}

/** A controller handler carries Nest's `method` metadata (set by @Get, @Post, …); nothing else does. */
function markNestRoute(handler: unknown): void {
  if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) return;
  const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as object | undefined) ?? {};
  Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, [NEST_ROUTE]: true }, handler);
}
