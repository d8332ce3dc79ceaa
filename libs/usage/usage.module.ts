import { Module } from '@nestjs/common';
import { CredentialsModule } from '@tollgate/credentials';
import { UsageOperatorController } from './usage-operator.controller';
import { UsageRegistrar } from './usage-registrar';
import { UsageController } from './usage.controller';
import { UsageRepository } from './usage.repository';
import { usageSchemas } from './usage.schema';
import { UsageService } from './usage.service';

/** API side of usage: reports, and the registrar the admission path uses. */
@Module({
  imports: [CredentialsModule, usageSchemas()],
  controllers: [UsageController, UsageOperatorController],
  providers: [UsageRepository, UsageService, UsageRegistrar],
  exports: [UsageService, UsageRegistrar],
})
export class UsageModule {}
