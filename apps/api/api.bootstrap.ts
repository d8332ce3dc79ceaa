import type { IncomingMessage } from 'node:http';
import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { Logger } from 'nestjs-pino';
import type { TollgateConfig } from '@tollgate/config';
import { ValidationFailedError } from '@tollgate/domain-errors';
import { setupOpenApi } from '@tollgate/api-docs';
import { TollgateFastifyAdapter } from '@tollgate/http';
import { MetricsService } from '@tollgate/metrics';
import { logRequests, requestIdFrom } from '@tollgate/observability';
import { ApiModule, type ApiModuleOptions } from './api.module';

/** Fastify settings shared by `main.ts` and the tests, so tests run the server users run. */
export function createFastifyAdapter(config: TollgateConfig): FastifyAdapter {
  // Tags every route with who may call it, before any route exists.
  return new TollgateFastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // A caller's X-Request-Id is kept (when sane) and echoed; otherwise we mint one.
    genReqId: (req: IncomingMessage) => requestIdFrom(req.headers['x-request-id']),
    // Fastify's querystring parser keeps `name[$ne]=x` a literal key (never an object), and
    // duplicated keys become arrays that DTOs refuse: no query operator reaches Mongo from a URL.
    trustProxy: false,
    // Errors Fastify raises before routing (a malformed URL): our JSON shape, never echoing the URL,
    // whose query may carry a client secret.
    frameworkErrors: (_error: Error, req: { id: string }, reply: FastifyReply) => {
      void reply
        .code(400)
        .header('cache-control', 'no-store')
        .header('x-request-id', String(req.id))
        .type('application/json; charset=utf-8')
        .send(JSON.stringify({ error: 'bad_request', message: 'malformed request URL or header', requestId: req.id }));
    },
  }, config);
}

/** Everything `main.ts` and tests both apply to a created app before `init`/`listen`. */
export async function configureApiApp(app: NestFastifyApplication, config: TollgateConfig): Promise<void> {
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  // Form bodies (the token endpoints) are parsed by Nest's Fastify adapter itself (fast-querystring).
  logRequests(fastify as never);
  const metrics = app.get(MetricsService);
  // Route patterns only (never raw URLs) keep the label set bounded.
  fastify.addHook('onResponse', async (request, reply) => {
    const labels = { method: request.method, route: request.routeOptions?.url ?? 'unmatched', status: String(reply.statusCode) };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
  });
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
  });
  setupOpenApi(app, config);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => ValidationFailedError.fromClassValidator(errors) as unknown as BadRequestException,
    }),
  );
}

export async function createApiApp(config: TollgateConfig, options: ApiModuleOptions = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config, options), createFastifyAdapter(config), { bufferLogs: true });
  await configureApiApp(app, config);
  return app;
}
