import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { Logger } from 'nestjs-pino';
import type { TollgateConfig, TrustProxy } from '@tollgate/config';
import { ValidationFailedError } from '@tollgate/domain-errors';
import { logRequests, NulCharacterPipe, setupOpenApi, TollgateFastifyAdapter } from '@tollgate/http';
import { MetricsService } from '@tollgate/metrics';
import { ApiModule, type ApiModuleOptions } from './api.module';
import { jsonBodyParser } from './json-body.parser';

/**
 * Fastify 5 takes a bare hop count as "trust nothing" (a count cannot tell a proxy from a client that
 * reached the API directly), so a count becomes proxy-addr's function over hops: the first `n` hops
 * from the socket are proxies. Only for an API no client can reach but through those proxies.
 */
function trustProxyOption(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

/** Fastify settings shared by `main.ts` and the tests, so tests run the server users run. */
export function createFastifyAdapter(config: TollgateConfig): FastifyAdapter {
  // Tags every route with who may call it before any route exists; answers no URL back.
  return new TollgateFastifyAdapter(
    {
      bodyLimit: config.bodyLimitBytes,
      // Fastify's querystring parser keeps `name[$ne]=x` a literal key (never an object), and
      // duplicated keys become arrays that DTOs refuse: no query operator reaches Mongo from a URL.
      // X-Forwarded-For is believed only from the proxies TRUST_PROXY names (none by default), so
      // `request.ip` (allow lists, the failed-authentication limit) is the client a trusted
      // proxy saw, never an address a client wrote into a header itself.
      trustProxy: trustProxyOption(config.trustProxy),
      // A body trickled a byte at a time must not hold a socket: the whole request must arrive within
      // requestTimeout (Node answers 408 and closes), and a socket silent that long is closed.
      connectionTimeout: config.requestTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      // An idle keep-alive connection is closed (and the `Keep-Alive: timeout=` hint says so) before
      // the socket inactivity timeout above would close it: a client that trusts the hint (undici does)
      // never reuses a connection the server is closing. Fastify's default (72 s) exceeded it, and a
      // client reusing a connection idle for 30 s met "other side closed".
      keepAliveTimeout: Math.max(1000, Math.min(72_000, config.requestTimeoutMs - 5000)),
      // Node checks those deadlines on an interval (30 s by default, longer than the timeout itself).
      http: {
        headersTimeout: config.headersTimeoutMs,
        requestTimeout: config.requestTimeoutMs,
        connectionsCheckingInterval: Math.min(1000, Math.floor(config.headersTimeoutMs / 2)),
      },
    },
    config,
  );
}

/**
 * The headers helmet sets, worked out once. They do not vary by request (no CSP nonces here), and
 * the Fastify plugin (@fastify/helmet) built every helmet middleware again on each request (parsing
 * the policy each time): a cost on every protected request for the same dozen headers.
 */
function helmetHeaders(options: HelmetOptions): [string, string][] {
  const headers: [string, string][] = [];
  const res = {
    setHeader: (name: string, value: unknown) => void headers.push([name.toLowerCase(), String(value)]),
    removeHeader: () => undefined,
  };
  helmet(options)({} as never, res as never, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

/**
 * Security headers on every answer (errors, 404s and the Fastify plugins' pages included): no MIME
 * sniffing, never framed, no referrer. The content security policy allows only our own origin,
 * which is all Swagger UI (/docs) and the queue dashboard need, plus inline styles (both set style
 * attributes) and data: images (their icons). No upgrade-insecure-requests: a plain-HTTP deployment
 * behind no TLS (local runs, tests) would have every asset rewritten to an https URL that fails.
 */
async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  const securityHeaders = helmetHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'connect-src': ["'self'"],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  // Closed by default: every answer is `no-store` unless its route says otherwise by setting its own
  // Cache-Control (the docs' static assets do). So whatever route carries account data, today's or
  // one added later, no shared cache or browser keeps it, and no URL test decides it.
  const fastify = app.getHttpAdapter().getInstance();
  // (Hooks on every request take a callback, not a promise: cheaper per request.)
  fastify.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of securityHeaders) reply.raw.setHeader(name, value);
    reply.header('cache-control', 'no-store');
    done();
  });
  // The queue dashboard's page links a stylesheet on Google Fonts. The policy allows only our own
  // origin (an operator's browser should not report to a third party that it opened the dashboard),
  // so the link is taken out of the page instead of being blocked as a violation; the dashboard
  // falls back to the system's sans-serif font. Only HTML answers are looked at (two pages).
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (typeof payload !== 'string' || !String(reply.getHeader('content-type') ?? '').startsWith('text/html'))
      return done(null, payload);
    done(null, payload.replace(THIRD_PARTY_STYLESHEET, ''));
  });
}

const THIRD_PARTY_STYLESHEET = /<link\b[^>]*\bhref="https:\/\/fonts\.googleapis\.com\/[^"]*"[^>]*>/g;

/** Everything `main.ts` and tests both apply to a created app before `init`/`listen`. */
export async function configureApiApp(app: NestFastifyApplication, config: TollgateConfig): Promise<void> {
  app.useLogger(app.get(Logger));
  await registerSecurityHeaders(app);
  // Depth and key limits checked before parsing; every refusal a 400 in our error shape.
  app.useBodyParser(
    'application/json',
    { bodyLimit: config.bodyLimitBytes },
    jsonBodyParser(app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error') as never) as never,
  );
  const fastify = app.getHttpAdapter().getInstance();
  // Form bodies (the token endpoints) are parsed by Nest's Fastify adapter itself (fast-querystring).
  logRequests(fastify);
  const metrics = app.get(MetricsService);
  // Route patterns only (never raw URLs) keep the label set bounded.
  fastify.addHook('onResponse', (request, reply, done) => {
    const labels = {
      method: request.method,
      route: request.routeOptions?.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    done();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', String(request.id));
    done();
  });
  setupOpenApi(app, config);
  app.useGlobalPipes(
    new NulCharacterPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => ValidationFailedError.fromClassValidator(errors) as unknown as BadRequestException,
    }),
  );
}

export async function createApiApp(
  config: TollgateConfig,
  options: ApiModuleOptions = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config, options),
    createFastifyAdapter(config),
    { bufferLogs: true },
  );
  await configureApiApp(app, config);
  return app;
}
