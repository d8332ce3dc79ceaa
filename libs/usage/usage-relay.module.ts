import { Module } from '@nestjs/common';
import { CredentialsModule } from '@tollgate/credentials';
import { UsageRelay } from './usage-relay';
import { UsageRepository } from './usage.repository';
import { usageSchemas } from './usage.schema';
import { UsageService } from './usage.service';

/** Worker side of usage: the relay (Redis → queue) and the totals store the processor calls (queue → Mongo). */
@Module({
  imports: [CredentialsModule, usageSchemas()],
  providers: [UsageRepository, UsageService, UsageRelay],
  exports: [UsageService, UsageRelay],
})
export class UsageRelayModule {}
