import 'reflect-metadata';
import { runMain } from '@tollgate/runtime';
import { createApiApp } from './api.bootstrap';

void runMain('api', async (config) => {
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: config.host });
  process.stderr.write(`tollgate api: listening on ${config.publicUrl}\n`);
  return app;
});
