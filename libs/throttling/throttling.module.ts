import { Module } from '@nestjs/common';
import { AccessRecordSource, AccessStateModule, AccessStateRebuilder } from '@tollgate/access-state';
import { TokensModule } from '@tollgate/tokens';
import { UsageModule } from '@tollgate/usage';
import { AccessRecordLoader } from './access-record.loader';
import { AdmissionService } from './admission.service';
import { ClientAddressGate } from './client-address.gate';
import { LockoutsService } from './lockouts.service';
import { ThrottleGuard } from './throttle.guard';

@Module({
  imports: [AccessStateModule, TokensModule, UsageModule],
  providers: [
    AdmissionService,
    LockoutsService,
    ThrottleGuard,
    ClientAddressGate,
    AccessStateRebuilder,
    { provide: AccessRecordSource, useClass: AccessRecordLoader },
  ],
  exports: [AdmissionService, LockoutsService, ThrottleGuard, ClientAddressGate, UsageModule, TokensModule],
})
export class ThrottlingModule {}
