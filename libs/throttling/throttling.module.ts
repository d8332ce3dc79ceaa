import { Module } from '@nestjs/common';
import { AccessRecordSource, AccessStateModule, AccessStateRebuilder } from '@tollgate/access-state';
import { TokensModule } from '@tollgate/tokens';
import { UsageModule } from '@tollgate/usage';
import { AccessRecordLoader } from './access-record.loader';
import { AdmissionService } from './admission.service';
import { LimitsController } from './limits.controller';
import { LockoutsService } from './lockouts.service';
import { ThrottleGuard } from './throttle.guard';
import { ThrottlingOperatorController } from './throttling-operator.controller';

@Module({
  imports: [AccessStateModule, TokensModule, UsageModule],
  controllers: [LimitsController, ThrottlingOperatorController],
  providers: [AdmissionService, LockoutsService, ThrottleGuard, AccessStateRebuilder, { provide: AccessRecordSource, useClass: AccessRecordLoader }],
  exports: [AdmissionService, LockoutsService, ThrottleGuard, UsageModule],
})
export class ThrottlingModule {}
