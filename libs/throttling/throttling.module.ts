import { Module } from '@nestjs/common';
import { AccessRecordSource, AccessStateModule, AccessStateRebuilder } from '@tollgate/access-state';
import { TokensModule } from '@tollgate/tokens';
import { UsageModule } from '@tollgate/usage';
import { AccessRecordLoader } from './access-record.loader';
import { AdmissionService } from './admission.service';
import { LockoutsService } from './lockouts.service';
import { ThrottleGuard } from './throttle.guard';

@Module({
  imports: [AccessStateModule, TokensModule, UsageModule],
  providers: [
    AdmissionService,
    LockoutsService,
    ThrottleGuard,
    AccessStateRebuilder,
    { provide: AccessRecordSource, useClass: AccessRecordLoader },
  ],
  exports: [AdmissionService, LockoutsService, ThrottleGuard, UsageModule, TokensModule],
})
export class ThrottlingModule {}
