import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import type { TollgateConfig } from '@tollgate/config';
import { REDACT_PATHS, redactRequestUrl } from './log-redaction';

/** What the guard leaves on the raw request so the request log line names who called. */
export interface RequestLogContext {
  accountId?: string;
  tokenId?: string;
}

type LoggedRequest = IncomingMessage & { id?: string; tollgate?: RequestLogContext };

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's `X-Request-Id` when it is sane, else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Structured JSON logs (pino) for the app and its libs. Headers are never logged, and URLs have
 * secret query values masked.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: TollgateConfig, destination?: pino.DestinationStream): DynamicModule {
    const options = {
      level: config.logLevel,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      base: { app: config.role },
      // The request line is written by `logRequests` (a Fastify onResponse hook), which sees the
      // route pattern and the principal; pino-http's own automatic line is off to avoid duplicates.
      autoLogging: false,
    };
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: destination ? [options, destination] : options })],
    };
  }
}

type HookRequest = { id: string; method: string; url: string; is404?: boolean; routeOptions?: { url?: string }; raw: LoggedRequest };
type HookReply = { statusCode: number; elapsedTime: number };
type HookHost = { addHook(name: 'onResponse', hook: (req: HookRequest, reply: HookReply) => Promise<void>): unknown };

/**
 * One JSON line per request: method, route pattern, status, duration, account id, token id and
 * request id (health probes excepted). Written from a Fastify onResponse hook, so it covers every
 * answer, the guards' refusals included.
 */
export function logRequests(fastify: HookHost): void {
  const logger = PinoLogger.root.child({ context: 'http' });
  fastify.addHook('onResponse', async (req, reply) => {
    const route = req.is404 ? undefined : req.routeOptions?.url;
    // Health probes (by the route they matched) would drown the log.
    if (route?.startsWith('/health/') || !logger.isLevelEnabled(reply.statusCode >= 500 ? 'error' : 'info')) return;
    const ctx = req.raw.tollgate;
    const line = {
      requestId: req.id,
      method: req.method,
      url: redactRequestUrl(req.url),
      route: route ?? null,
      status: reply.statusCode,
      responseTime: Math.round(reply.elapsedTime * 100) / 100,
      accountId: ctx?.accountId,
      tokenId: ctx?.tokenId,
    };
    if (reply.statusCode >= 500) logger.error(line, 'request failed');
    else logger.info(line, 'request completed');
  });
}
