import { DynamicModule, Module } from '@nestjs/common';
import { AlertsModule } from '@tollgate/alerts';
import { AuditModule } from '@tollgate/audit';
import type { TollgateConfig } from '@tollgate/config';
import { CredentialsModule } from '@tollgate/credentials';
import { OperatorsModule } from '@tollgate/operators';
import { ThrottlingModule } from '@tollgate/throttling';
import { TokensModule } from '@tollgate/tokens';
import { UsageModule } from '@tollgate/usage';
import { PlatformModule } from '@tollgate/runtime';

/**
 * The lib services the operator API uses, without HTTP: the CLI calls the same services, so there is
 * no second implementation of any rule. Logs go to stderr (stdout is the command's output).
 */
@Module({})
export class CliServicesModule {
  /** Logs go to `stderr` (stdout is the command's output). */
  static forRoot(config: TollgateConfig, stderr: { write(text: string): unknown }): DynamicModule {
    return {
      module: CliServicesModule,
      imports: [
        // Queues and metrics come along: the alerts service holds the webhook queue and the libs count
        // what they do, although the CLI neither enqueues nor serves a scrape endpoint.
        PlatformModule.forRoot(config, { logDestination: { write: (line: string) => void stderr.write(line) } }),
        CredentialsModule,
        TokensModule,
        ThrottlingModule,
        UsageModule,
        AlertsModule,
        OperatorsModule,
        AuditModule,
      ],
    };
  }
}
