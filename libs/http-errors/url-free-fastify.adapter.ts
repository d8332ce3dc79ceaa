import type { Server } from 'node:http';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyHttpOptions, FastifyReply, FastifyRequest } from 'fastify';

type AdapterOptions = FastifyHttpOptions<Server>;

function sendUrlFree(reply: FastifyReply, requestId: string, status: number, error: string, message: string): void {
  void reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('x-request-id', requestId)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ error, message, requestId }));
}

/**
 * The Fastify adapter of every app that serves HTTP (the api and the worker's health port). Answers
 * that come before any route matched never repeat the request URL: Nest's own not-found handler
 * answers `Cannot POST /Auth/login/v1/token?clientSecret=…`, copying into the body a query that may
 * carry a secret. Ours is the product's JSON error shape, without the URL.
 */
export class UrlFreeFastifyAdapter extends FastifyAdapter {
  constructor(options: AdapterOptions = {}) {
    super({
      // Errors Fastify raises before routing (a malformed URL or header).
      frameworkErrors: (_error, req, reply) => sendUrlFree(reply, String(req.id), 400, 'bad_request', 'malformed request URL or header'),
      ...options,
    } as AdapterOptions as never);
  }

  /** Nest calls this once at init with its handler; ours replaces it (Fastify takes one per prefix). */
  override setNotFoundHandler(): ReturnType<FastifyAdapter['setNotFoundHandler']> {
    return this.getInstance().setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
      sendUrlFree(reply, String(request.id), 404, 'not_found', 'no route matches this method and path');
    }) as never;
  }
}
