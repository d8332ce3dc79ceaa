import { Module } from '@nestjs/common';
import { TokensModule } from '@tollgate/tokens';
import { UsageModule } from '@tollgate/usage';
import { AdmissionService } from './admission.service';
import { LockoutsService } from './lockouts.service';
import { ThrottleGuard } from './throttle.guard';

@Module({
  imports: [TokensModule, UsageModule],
  providers: [AdmissionService, LockoutsService, ThrottleGuard],
  exports: [AdmissionService, LockoutsService, ThrottleGuard, UsageModule, TokensModule],
})
export class ThrottlingModule {}
