import { Module } from '@nestjs/common';
import { AuthFailuresService } from './auth-failures.service';

/** Services only (no routes): the failed-authentication limiter the token endpoints and the bearer guard call. */
@Module({
  providers: [AuthFailuresService],
  exports: [AuthFailuresService],
})
export class AuthFailuresModule {}
