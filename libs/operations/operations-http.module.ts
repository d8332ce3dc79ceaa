import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';

/**
 * The routes an operator's tooling calls on every process that serves HTTP (the api, and the worker's
 * health port): liveness and readiness (public) and the Prometheus scrape (operator key). The checks
 * and the metrics they read come from the platform.
 */
@Module({ controllers: [HealthController, MetricsController] })
export class OperationsHttpModule {}
