import { DynamicModule, Module } from '@nestjs/common';
import { ClockModule } from '@tollgate/clock';
import { TollgateConfigModule, type TollgateConfig } from '@tollgate/config';
import { SampleDataModule } from '@tollgate/sample-data';
import { PersistenceModule } from '@tollgate/persistence';

/** The seed command's root module: connections, accounts and the data lib; no HTTP, no queues. */
@Module({})
export class SeedModule {
  static forRoot(config: TollgateConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [TollgateConfigModule.forRoot(config), ClockModule, PersistenceModule.forRoot(), SampleDataModule],
    };
  }
}
