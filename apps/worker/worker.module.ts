import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { AlertsModule } from '@tollgate/alerts';
import { ClockModule } from '@tollgate/clock';
import { TollgateConfigModule, type TollgateConfig } from '@tollgate/config';
import { MetricsModule } from '@tollgate/metrics';
import { LoggingModule } from '@tollgate/observability';
import { PersistenceModule } from '@tollgate/persistence';
import { QueueModule } from '@tollgate/queue';
import { UsageRelayModule } from '@tollgate/usage';
import { AlertsProcessor } from './alerts.processor';
import { UsageProcessor } from './usage.processor';

export interface WorkerModuleOptions {
  logDestination?: DestinationStream;
}

/** The job-worker process: the usage relay and the queue processors (usage, alert webhooks), no public HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: TollgateConfig, options: WorkerModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        TollgateConfigModule.forRoot(config),
        LoggingModule.forRoot(config, options.logDestination),
        ClockModule,
        PersistenceModule.forRoot(),
        QueueModule.forRoot(),
        MetricsModule,
        AlertsModule,
        UsageRelayModule,
      ],
      providers: [UsageProcessor, AlertsProcessor],
    };
  }
}
