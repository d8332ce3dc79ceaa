import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CredentialsModule } from '@tollgate/credentials';
import { AuditEntryDocument, AuditEntrySchema } from './audit-entry.schema';
import { AuditSubjects } from './audit-subjects.service';
import { AuditTrail } from './audit-trail.service';
import { AuditedChanges } from './audited-changes.service';
import { AuditRepository } from './audit.repository';

/** The audit log as services: recording and reading (no routes: see AuditHttpModule). */
@Module({
  imports: [
    CredentialsModule,
    MongooseModule.forFeature([{ name: AuditEntryDocument.name, schema: AuditEntrySchema }]),
  ],
  providers: [AuditRepository, AuditTrail, AuditSubjects, AuditedChanges],
  exports: [AuditTrail, AuditedChanges],
})
export class AuditModule {}
