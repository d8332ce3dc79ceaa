import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { TollgateConfig } from '@tollgate/config';
import { DomainError } from '@tollgate/domain-errors';
import type { OperatorAuthenticator, OperatorIdentity } from './operator-identity';
import { hasOperatorKey } from './operator-key';

/**
 * How a route registered with Fastify is protected:
 * - `nest`: a Nest controller route; the access guard decides from the handler's metadata;
 * - `public` / `operator`: a route a Fastify plugin registers outside Nest's guards, declared below;
 * - `closed`: any other route; refused with 404, so a plugin nobody declared cannot open a door.
 */
export type RouteKind = 'nest' | 'public' | 'operator' | 'closed';

export interface RegisteredRoute {
  method: string;
  url: string;
  kind: RouteKind;
}

/** Where Swagger UI and the OpenAPI document are served. */
export const DOCS_ROUTE = '/docs';
/** Where the queue dashboard (bull-board) is mounted. */
export const QUEUE_DASHBOARD_ROUTE = '/operator/queues';
/** The route that answers CORS preflights for the data API (a preflight carries no token). */
export const CORS_PREFLIGHT_ROUTE = '/api/v1/*';

/**
 * The routes that Fastify plugins add outside Nest, by the route pattern they register (never by a
 * request's URL): Swagger UI is public, the queue dashboard is for operators, and the CORS preflight
 * route answers browsers before any token exists. Everything else outside Nest is closed.
 */
const PLUGIN_ROUTES: { mount: string; methods?: string[]; kind: Exclude<RouteKind, 'nest' | 'closed'> }[] = [
  { mount: DOCS_ROUTE, methods: ['GET', 'HEAD'], kind: 'public' },
  { mount: QUEUE_DASHBOARD_ROUTE, kind: 'operator' },
  { mount: CORS_PREFLIGHT_ROUTE, methods: ['OPTIONS'], kind: 'public' },
];

function isUnder(url: string, mount: string): boolean {
  if (mount.endsWith('/*')) return url === mount;
  return url === mount || url.startsWith(mount + '/');
}

/** The route-config mark of a Nest controller route (set by TollgateFastifyAdapter; a symbol nothing else can spell). */
export const NEST_ROUTE = Symbol('tollgate.nest-route');

function classify(route: RouteOptions): RouteKind {
  if ((route.config as Record<symbol, unknown> | undefined)?.[NEST_ROUTE] === true) return 'nest';
  const methods = (Array.isArray(route.method) ? route.method : [route.method]).map((m) => String(m).toUpperCase());
  for (const p of PLUGIN_ROUTES) {
    if (isUnder(route.url, p.mount) && (!p.methods || methods.every((m) => p.methods!.includes(m)))) return p.kind;
  }
  return 'closed';
}

type AccessConfig = { tollgateAccess?: RouteKind };

/** The operator authentication of each Fastify instance's plugin routes, bound once the app's services exist. */
const pluginAuthenticators = new WeakMap<object, OperatorAuthenticator>();

/**
 * Lets the plugin routes (the queue dashboard) authenticate operators as Nest routes do: named
 * operators' keys and console sessions, not only the bootstrap key. Called by the operators library
 * when the app starts; until then, and in processes without it, the bootstrap key alone opens them.
 */
export function usePluginOperatorAuthenticator(fastify: object, authenticator: OperatorAuthenticator): void {
  pluginAuthenticators.set(fastify, authenticator);
}

/**
 * The operator behind a request to a plugin route: the dashboard can change jobs, so only admins
 * (`forbidden` for a viewer). Errors are the access guard's; refusals are sent by the caller.
 */
async function pluginOperator(
  fastify: object,
  config: Pick<TollgateConfig, 'operatorKey'>,
  request: FastifyRequest,
): Promise<OperatorIdentity> {
  const authenticator = pluginAuthenticators.get(fastify);
  const operator = authenticator
    ? await authenticator.authenticate(
        { method: request.method, headers: request.headers, ip: request.ip },
        { plugin: true },
      )
    : hasOperatorKey(config, request.headers)
      ? ({ name: 'root', role: 'admin', via: 'key' } as const)
      : null;
  if (!operator)
    throw new DomainError(
      'unauthenticated',
      'operator_key_required',
      'this route needs an operator key (X-Operator-Key, or as the Basic password) or a console session',
    );
  if (operator.role !== 'admin')
    throw new DomainError(
      'forbidden',
      'forbidden',
      `operator ${operator.name} is a viewer: the queue dashboard can change jobs and needs an admin`,
    );
  return operator;
}

const STATUS_OF: Record<string, number> = { unauthenticated: 401, forbidden: 403, unavailable: 503 };

/**
 * Tags every route Fastify registers with its kind (an `onRoute` hook, installed before any route
 * exists) and enforces the kinds Nest's guards cannot see in one `preParsing` hook that reads the
 * matched route's tag. Returns the registry of every route, which the route-walk test reads.
 */
export function installRouteAccess(
  fastify: FastifyInstance,
  config: Pick<TollgateConfig, 'operatorKey'>,
): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  registries.set(fastify, routes);
  fastify.addHook('onRoute', (route) => {
    const kind = classify(route);
    route.config = { ...((route.config as object | undefined) ?? {}), tollgateAccess: kind } as typeof route.config;
    for (const method of Array.isArray(route.method) ? route.method : [route.method])
      routes.push({ method: String(method).toUpperCase(), url: route.url, kind });
  });
  // preParsing: after every onRequest hook (security headers, request ids) and before any body is
  // read, so a refused request costs no parsing.
  // Callback style, not async: Nest's and public routes (every request on the hot path) pass with no
  // promise; only plugin routes wait for the operator check.
  fastify.addHook('preParsing', (request: FastifyRequest, reply: FastifyReply, payload, done) => {
    if (request.is404) return done(null, payload);
    const kind = (request.routeOptions.config as AccessConfig | undefined)?.tollgateAccess;
    if (kind === 'nest' || kind === 'public') return done(null, payload);
    checkPluginRoute(fastify, config, request, reply, kind).then(
      (admitted) => admitted && done(null, payload),
      (err: Error) => done(err),
    );
  });
  return routes;
}

/** A plugin route's access (operator or closed): true when admitted, else the refusal is sent. */
async function checkPluginRoute(
  fastify: FastifyInstance,
  config: Pick<TollgateConfig, 'operatorKey'>,
  request: FastifyRequest,
  reply: FastifyReply,
  kind: string | undefined,
): Promise<boolean> {
  if (kind === 'operator') {
    let refusal: { status: number; error: string; message: string };
    try {
      (request as FastifyRequest & { operator?: OperatorIdentity }).operator = await pluginOperator(
        fastify,
        config,
        request,
      );
      return true;
    } catch (err) {
      // The authenticator reports the store or Redis being away as a domain error (503), never a 500.
      if (err instanceof DomainError)
        refusal = { status: STATUS_OF[err.kind] ?? 400, error: err.code, message: err.message };
      else {
        request.log.error({ err: (err as Error)?.message }, 'operator check of a plugin route failed');
        refusal = {
          status: 500,
          error: 'internal_error',
          message: 'internal error; quote the request id when reporting it',
        };
      }
    }
    if (refusal.status === 401) reply.header('www-authenticate', 'Basic realm="tollgate-operator"');
    if (refusal.status === 503) reply.header('retry-after', '2');
    reply
      .code(refusal.status)
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify({ error: refusal.error, message: refusal.message, requestId: request.id }));
    return false;
  }
  // `closed`, or a route registered before this hook existed: never served.
  reply
    .code(404)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ error: 'not_found', message: 'no such route', requestId: request.id }));
  return false;
}

const registries = new WeakMap<object, RegisteredRoute[]>();

/** Every route registered on this Fastify instance, with its kind (for the route-walk test and diagnostics). */
export function registeredRoutes(fastify: FastifyInstance): readonly RegisteredRoute[] {
  return registries.get(fastify) ?? [];
}

/**
 * The pattern of the route the router matched for this request (`/api/v1/companies/:id`), or
 * undefined when none matched. Decisions that depend on "which part of the product is this" read
 * this, never the request URL, which can spell the same route many ways.
 */
export function matchedRoute(request: { routeOptions?: { url?: string }; is404?: boolean }): string | undefined {
  return request.is404 ? undefined : request.routeOptions?.url;
}

/** The data API's routes (`/api/v1/…`): JSON or XML answers, CORS for listed origins. */
export function isDataApiRoute(route: string | undefined): boolean {
  return route !== undefined && (route === '/api/v1' || route.startsWith('/api/v1/'));
}
