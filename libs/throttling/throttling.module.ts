import { Module } from '@nestjs/common';
import { TokensModule } from '@tollgate/tokens';
import { UsageModule } from '@tollgate/usage';
import { AdmissionService } from './admission.service';
import { LimitsController } from './limits.controller';
import { LockoutsService } from './lockouts.service';
import { ThrottleGuard } from './throttle.guard';
import { ThrottlingOperatorController } from './throttling-operator.controller';

@Module({
  imports: [TokensModule, UsageModule],
  controllers: [LimitsController, ThrottlingOperatorController],
  providers: [AdmissionService, LockoutsService, ThrottleGuard],
  exports: [AdmissionService, LockoutsService, ThrottleGuard, UsageModule],
})
export class ThrottlingModule {}
