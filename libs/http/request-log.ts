import type { FastifyInstance, FastifyReply } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { redactRequestUrl } from '@tollgate/logging';
import { matchedRoute } from './access/route-registry';
import type { TollgateRequest } from './access/tollgate-request';

/**
 * One JSON line per request: method, route pattern, status, duration, account id, token id and
 * request id (health probes excepted). Written from a Fastify onResponse hook, so it covers every
 * answer, the guards' refusals included; the caller is the request's `principal`.
 */
export function logRequests(fastify: FastifyInstance): void {
  const logger = PinoLogger.root.child({ context: 'http' });
  fastify.addHook('onResponse', (request, reply, done) => {
    logLine(request as TollgateRequest, reply);
    done();
  });
  function logLine(req: TollgateRequest, reply: FastifyReply): void {
    const route = matchedRoute(req);
    // Health probes (by the route they matched) would drown the log.
    if (route?.startsWith('/health/') || !logger.isLevelEnabled(reply.statusCode >= 500 ? 'error' : 'info')) return;
    const line = {
      requestId: req.id,
      method: req.method,
      url: redactRequestUrl(req.url),
      route: route ?? null,
      status: reply.statusCode,
      responseTime: Math.round(reply.elapsedTime * 100) / 100,
      accountId: req.principal?.accountId,
      tokenId: req.principal?.tokenId,
    };
    if (reply.statusCode >= 500) logger.error(line, 'request failed');
    else logger.info(line, 'request completed');
  }
}
