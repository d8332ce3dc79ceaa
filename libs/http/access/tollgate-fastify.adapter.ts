import { METHOD_METADATA } from '@nestjs/common/constants';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import type { FastifyServerOptions } from 'fastify';
import type { TollgateConfig } from '@tollgate/config';
import { installRouteAccess, NEST_ROUTE } from './route-registry';


/** The adapter methods Nest's router registers controller routes with (one per HTTP method). */
const ROUTE_METHODS = ['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'all', 'search', 'propfind', 'proppatch', 'mkcol', 'copy', 'move', 'lock', 'unlock'] as const;

/**
 * Nest's Fastify adapter, with every route tagged before Fastify sees it. A controller route is
 * marked through its Fastify route config (Nest copies the handler's route-config metadata into the
 * route options, and Fastify carries them to the route's HEAD twin); anything else that registers a
 * route (Swagger, bull-board, static files) stays unmarked and is classified by the route registry,
 * closed unless declared. Installed before any route exists.
 */
export class TollgateFastifyAdapter extends FastifyAdapter {
  constructor(options: FastifyServerOptions, config: Pick<TollgateConfig, 'operatorKey'>) {
    super(options);
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
}

/** A controller handler carries Nest's `method` metadata (set by @Get, @Post, …); nothing else does. */
function markNestRoute(handler: unknown): void {
  if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) return;
  const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as object | undefined) ?? {};
  Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, [NEST_ROUTE]: true }, handler);
}
