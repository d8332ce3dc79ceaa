import { Module } from '@nestjs/common';
import { AlertsModule } from '@tollgate/alerts';
import { CredentialsModule } from '@tollgate/credentials';
import { UsageIngestService } from './usage-ingest.service';
import { UsageRelay } from './usage-relay';
import { UsageRepository } from './usage.repository';
import { usageSchemas } from './usage.schema';
import { UsageService } from './usage.service';

/** Worker side of usage: the relay (Redis → queue) and the ingest the processor calls (queue → Mongo). */
@Module({
  imports: [
    CredentialsModule,
    AlertsModule,
    usageSchemas(),
  ],
  providers: [UsageRepository, UsageService, UsageIngestService, UsageRelay],
  exports: [UsageIngestService, UsageRelay],
})
export class UsageRelayModule {}
