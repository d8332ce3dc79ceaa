import { Module } from '@nestjs/common';
import { CredentialsModule } from '@tollgate/credentials';
import { UsageRegistrar } from './usage-registrar';
import { UsageRepository } from './usage.repository';
import { usageSchemas } from './usage.schema';
import { UsageService } from './usage.service';

/** API side of usage: reports, and the registrar the admission path uses. */
@Module({
  imports: [CredentialsModule, usageSchemas()],
  providers: [UsageRepository, UsageService, UsageRegistrar],
  exports: [UsageService, UsageRegistrar, CredentialsModule],
})
export class UsageModule {}
