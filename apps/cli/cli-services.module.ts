import { DynamicModule, Module } from '@nestjs/common';
import pino from 'pino';
import { AlertsModule } from '@tollgate/alerts';
import { ClockModule } from '@tollgate/clock';
import { TollgateConfigModule, type TollgateConfig } from '@tollgate/config';
import { CredentialsModule } from '@tollgate/credentials';
import { MetricsModule } from '@tollgate/metrics';
import { LoggingModule } from '@tollgate/observability';
import { PersistenceModule } from '@tollgate/persistence';
import { QueueModule } from '@tollgate/queue';
import { ThrottlingModule } from '@tollgate/throttling';
import { TokensModule } from '@tollgate/tokens';
import { UsageModule } from '@tollgate/usage';

/**
 * The lib services the operator API uses, without HTTP: the CLI calls the same services, so there is
 * no second implementation of any rule. Logs go to stderr (stdout is the command's output).
 */
@Module({})
export class CliServicesModule {
  static forRoot(config: TollgateConfig): DynamicModule {
    return {
      module: CliServicesModule,
      imports: [
        TollgateConfigModule.forRoot(config),
        LoggingModule.forRoot(config, pino.destination({ dest: 2, sync: true })),
        ClockModule,
        PersistenceModule.forRoot(),
        // The alerts service holds the alert-webhook queue; the CLI never enqueues.
        QueueModule.forRoot(),
        // The libs count what they do (tokens issued, ...); the CLI has no scrape endpoint to show it.
        MetricsModule,
        CredentialsModule,
        TokensModule,
        ThrottlingModule,
        UsageModule,
        AlertsModule,
      ],
    };
  }
}
