import 'reflect-metadata';
import { runMain } from '@tollgate/runtime';
import { createApiApp } from '../../apps/api/api.bootstrap';

/**
 * Entry of the bench's comparison apps: the real API app (`createApiApp`, the bootstrap
 * `apps/api/main.ts` uses, so the same modules, Fastify adapter, interceptors, filters, logging and
 * metrics) plus one extra module, started by the bench with BENCH_APP=bare|baseline:
 * - bare: `GET /api/v1/bench/bare`, the product's guards opted out;
 * - baseline: `GET /api/v1/bench/baseline`, behind passport + Mongo and @nestjs/throttler + Redis.
 */
const kind = process.env.BENCH_APP;
if (kind !== 'bare' && kind !== 'baseline') {
  process.stderr.write('bench app: BENCH_APP must be bare or baseline\n');
  process.exit(2);
}

void runMain('api', async (config) => {
  // Loaded on demand: only the baseline needs @nestjs/throttler.
  const extra =
    kind === 'bare'
      ? (await import('./bare.module')).BareModule
      : (await import('./baseline.module')).BaselineModule.forRoot(config);
  const app = await createApiApp(config, { imports: [extra] });
  await app.listen({ port: config.port, host: '127.0.0.1' });
  process.stderr.write(`bench ${kind}: listening on 127.0.0.1:${config.port}\n`);
  return app;
});
