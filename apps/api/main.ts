import 'reflect-metadata';
import { runMain } from '@tollgate/runtime';
import { createApiApp } from './api.bootstrap';

void runMain('api', async (config) => {
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: process.env.HOST || (config.nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1') });
  process.stderr.write(`tollgate api: listening on ${config.publicUrl}\n`);
  return app;
});
