import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { TollgateConfig } from '@tollgate/config';
import { REDACT_PATHS, redactRequestUrl } from './log-redaction';

/** What the guard leaves on the raw request so the request log line names who called. */
export interface RequestLogContext {
  accountId?: string;
  tokenId?: string;
  route?: string;
}

type LoggedRequest = IncomingMessage & { id?: string; tollgate?: RequestLogContext };

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's `X-Request-Id` when it is sane, else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Structured JSON logs (pino): one line per request with method, route, status, duration, account,
 * token id and request id. Headers are not logged at all, and URLs have secret query values masked.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: TollgateConfig, destination?: pino.DestinationStream): DynamicModule {
    const options = {
      level: config.logLevel,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      base: { app: config.role },
      genReqId: (req: IncomingMessage) => (req as LoggedRequest).id ?? requestIdFrom(req.headers['x-request-id']),
      serializers: {
        req: (req: LoggedRequest & { raw?: LoggedRequest }) => ({
          id: req.id,
          method: req.method,
          url: redactRequestUrl(req.url ?? ''),
        }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      customProps: (req: IncomingMessage) => {
        const ctx = (req as LoggedRequest).tollgate;
        return ctx ? { accountId: ctx.accountId, tokenId: ctx.tokenId, route: ctx.route } : {};
      },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'info',
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health/') },
    };
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: destination ? [options, destination] : options })],
    };
  }
}
