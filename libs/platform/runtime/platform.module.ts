import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { ClockModule } from '@tollgate/clock';
import { TollgateConfigModule, type TollgateConfig } from '@tollgate/config';
import { MetricsModule } from '@tollgate/metrics';
import { LoggingModule } from '@tollgate/logging';
import { PersistenceModule } from '@tollgate/persistence';
import { QueueModule } from '@tollgate/queue';

/**
 * What every process (api, worker, CLI, seed) stands on: validated config, logs, the clock,
 * Mongo and Redis, the queue contract and metrics. All of them are global, so the domain modules a
 * process adds next to it see them.
 */
@Module({})
export class PlatformModule {
  static forRoot(config: TollgateConfig, options: { logDestination?: DestinationStream } = {}): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        TollgateConfigModule.forRoot(config),
        LoggingModule.forRoot(config, options.logDestination),
        ClockModule,
        PersistenceModule.forRoot(),
        QueueModule.forRoot(),
        MetricsModule,
      ],
    };
  }
}
