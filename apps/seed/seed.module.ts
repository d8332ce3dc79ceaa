import { DynamicModule, Module } from '@nestjs/common';
import pino from 'pino';
import type { TollgateConfig } from '@tollgate/config';
import { PlatformModule } from '@tollgate/runtime';
import { SampleDataModule } from '@tollgate/sample-data';

/**
 * The seed command's root module: the platform every process stands on, and the sample data (with
 * accounts, for the demo account); no HTTP. Logs go to stderr: stdout is what the command prints.
 */
@Module({})
export class SeedModule {
  static forRoot(config: TollgateConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [
        PlatformModule.forRoot(config, { logDestination: pino.destination({ dest: 2, sync: true }) }),
        SampleDataModule,
      ],
    };
  }
}
