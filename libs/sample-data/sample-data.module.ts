import { Module } from '@nestjs/common';
import { CredentialsModule } from '@tollgate/credentials';
import { DataModule } from './data.module';
import { DataSeedService } from './data-seed.service';

/** The seed command's module: the data repositories plus accounts, for the demo account. */
@Module({
  imports: [DataModule, CredentialsModule],
  providers: [DataSeedService],
  exports: [DataSeedService],
})
export class DataSeedModule {}
