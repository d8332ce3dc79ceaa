import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import type { TollgateConfig } from '@tollgate/config';
import { TollgateFastifyAdapter } from '@tollgate/http';
import { WorkerModule, type WorkerModuleOptions } from './worker.module';

/**
 * The worker opens an HTTP port (health only) when WORKER_PORT is set, so several workers can run
 * side by side on one host; otherwise it is a plain application context.
 */
export async function createWorkerApp(
  config: TollgateConfig,
  options: WorkerModuleOptions = {},
): Promise<INestApplicationContext> {
  if (config.workerPort) {
    // The same closed-by-default route tagging, URL-free errors and timeouts as the api.
    const adapter = new TollgateFastifyAdapter(
      { connectionTimeout: config.requestTimeoutMs, requestTimeout: config.requestTimeoutMs },
      config,
    );
    const app = await NestFactory.create<NestFastifyApplication>(WorkerModule.forRoot(config, options), adapter, {
      bufferLogs: true,
    });
    app.useLogger(app.get(Logger));
    await app.listen({ port: config.workerPort, host: config.host });
    return app;
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  return app;
}
