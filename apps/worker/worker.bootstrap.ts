import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import type { TollgateConfig } from '@tollgate/config';
import { UrlFreeFastifyAdapter } from '@tollgate/http-errors';
import { WorkerModule, type WorkerModuleOptions } from './worker.module';

/**
 * The worker opens an HTTP port (health only) when WORKER_PORT is set, so several workers can run
 * side by side on one host; otherwise it is a plain application context.
 */
export async function createWorkerApp(config: TollgateConfig, options: WorkerModuleOptions = {}): Promise<INestApplicationContext> {
  if (config.workerPort) {
    const app = await NestFactory.create<NestFastifyApplication>(WorkerModule.forRoot(config, options), new UrlFreeFastifyAdapter({ connectionTimeout: config.requestTimeoutMs, requestTimeout: config.requestTimeoutMs }), { bufferLogs: true });
    app.useLogger(app.get(Logger));
    await app.listen({ port: config.workerPort, host: config.host });
    return app;
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  return app;
}
