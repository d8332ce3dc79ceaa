import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditOperatorController } from './audit-operator.controller';
import { AuditInterceptor } from './audit.interceptor';
import { AuditModule } from './audit.module';

/** The audit log's route (`GET /operator/v1/audit`) and the interceptor that records every `@Audited` route; mounted by the api. */
@Module({
  imports: [AuditModule],
  exports: [AuditModule],
  controllers: [AuditOperatorController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
})
export class AuditHttpModule {}
