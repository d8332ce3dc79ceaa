import { Module } from '@nestjs/common';
import { CredentialsModule } from '@tollgate/credentials';
import { CompaniesModule } from '@tollgate/companies';
import { SampleDataService } from './sample-data.service';

/** The seed command's module: the companies dataset plus accounts, for the demo account. */
@Module({
  imports: [CompaniesModule, CredentialsModule],
  providers: [SampleDataService],
  exports: [SampleDataService],
})
export class SampleDataModule {}
