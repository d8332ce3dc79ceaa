import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditEntryDocument, AuditEntrySchema } from './audit-entry.schema';
import { AuditPurger } from './audit-purger';
import { AuditRepository } from './audit.repository';

/** Worker side of the audit log: the retention purge. */
@Module({
  imports: [MongooseModule.forFeature([{ name: AuditEntryDocument.name, schema: AuditEntrySchema }])],
  providers: [AuditRepository, AuditPurger],
  exports: [AuditPurger],
})
export class AuditMaintenanceModule {}
