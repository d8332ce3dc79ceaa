import { Module } from '@nestjs/common';
import { LimitsController } from './limits.controller';
import { ThrottlingModule } from './throttling.module';
import { ThrottlingOperatorController } from './throttling-operator.controller';

/** The limits route and the operator unlock; mounted by the api only. */
@Module({
  imports: [ThrottlingModule],
  // Re-exported so the app that mounts the routes can also use the services (its global guards do).
  exports: [ThrottlingModule],
  controllers: [LimitsController, ThrottlingOperatorController],
})
export class ThrottlingHttpModule {}
