import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import { AlertsModule } from '@tollgate/alerts';
import { AuditMaintenanceModule } from '@tollgate/audit';
import type { TollgateConfig } from '@tollgate/config';
import { AccessGuard, DomainExceptionFilter } from '@tollgate/http';
import { MetricsService } from '@tollgate/metrics';
import { OperatorsModule } from '@tollgate/operators';
import { QueueName } from '@tollgate/queue';
import { OperationsHttpModule } from '@tollgate/operations';
import { TokensMaintenanceModule } from '@tollgate/tokens';
import { UsageRelayModule } from '@tollgate/usage';
import { PlatformModule } from '@tollgate/runtime';
import { AlertsProcessor } from './alerts.processor';
import { UsageProcessor } from './usage.processor';
import { processorFor } from './worker-options';

export interface WorkerModuleOptions {
  logDestination?: DestinationStream;
}

/** The job-worker process: the usage relay, the queue processors (usage, alert webhooks) and token purging; no public HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: TollgateConfig, options: WorkerModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config, { logDestination: options.logDestination }),
        AlertsModule,
        UsageRelayModule,
        TokensMaintenanceModule,
        // The audit log's retention purge; and operator authentication for the metrics port (either role).
        AuditMaintenanceModule,
        OperatorsModule,
        // Served only when WORKER_PORT opens the port.
        OperationsHttpModule,
      ],
      providers: [
        processorFor(UsageProcessor, QueueName.Usage, config, { concurrency: config.workerConcurrency }),
        processorFor(AlertsProcessor, QueueName.Alerts, config, { concurrency: 4 }),
        // Only used when WORKER_PORT opens the health/metrics port: the same closed-by-default access
        // rule as the api (health is public, metrics needs the operator key). The worker imports
        // service modules only, so no other route exists here.
        { provide: APP_GUARD, useClass: AccessGuard },
        {
          provide: APP_FILTER,
          inject: [MetricsService],
          useFactory: (metrics: MetricsService) => new DomainExceptionFilter('tollgate', metrics),
        },
      ],
    };
  }
}
