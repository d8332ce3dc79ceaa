import { Module } from '@nestjs/common';
import { AdminTokensController } from './admin-tokens.controller';
import { LimitsController } from './limits.controller';
import { ThrottlingModule } from './throttling.module';
import { ThrottlingOperatorController } from './throttling-operator.controller';

/** The limits route, the customer's token self-service and the operator unlock; mounted by the api only. */
@Module({
  imports: [ThrottlingModule],
  // Re-exported so the app that mounts the routes can also use the services (its global guards do).
  exports: [ThrottlingModule],
  controllers: [LimitsController, AdminTokensController, ThrottlingOperatorController],
})
export class ThrottlingHttpModule {}
