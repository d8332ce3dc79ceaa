import 'reflect-metadata';
import { runMain } from '@tollgate/runtime';
import { createWorkerApp } from './worker.bootstrap';

void runMain('worker', async (config) => {
  const app = await createWorkerApp(config);
  process.stderr.write(`tollgate worker: started${config.workerPort ? `, health on port ${config.workerPort}` : ''}\n`);
  return app;
});
