import { randomUUID } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { TollgateConfig } from '@tollgate/config';
import { REDACT_PATHS } from './log-redaction';

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
      // The request line is written by the HTTP layer's `logRequests` (a Fastify onResponse hook),
      // which sees the route pattern and the caller; pino-http's own automatic line is off.
      autoLogging: false,
    };
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: destination ? [options, destination] : options })],
    };
  }
}
