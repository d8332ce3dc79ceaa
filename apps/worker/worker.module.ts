import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import { AlertsModule } from '@tollgate/alerts';
import { AuditMaintenanceModule } from '@tollgate/audit';
import type { TollgateConfig } from '@tollgate/config';
import { AccessGuard } from '@tollgate/http';
import { DomainExceptionFilter } from '@tollgate/http-errors';
import { MetricsService } from '@tollgate/metrics';
import { OperatorsModule } from '@tollgate/operators';
import { TokensMaintenanceModule } from '@tollgate/tokens';
import { UsageRelayModule } from '@tollgate/usage';
import { PlatformModule } from '@tollgate/runtime';
import { AlertsProcessor } from './alerts.processor';
import { UsageProcessor } from './usage.processor';

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
      ],
      providers: [
        UsageProcessor,
        AlertsProcessor,
        // Only used when WORKER_PORT opens the health/metrics port: the same closed-by-default access
        // rule as the api (health is public, metrics needs the operator key). The worker imports
        // service modules only, so no other route exists here.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, inject: [MetricsService], useFactory: (metrics: MetricsService) => new DomainExceptionFilter('tollgate', metrics) },
      ],
    };
  }
}
