import { Module } from '@nestjs/common';
import { UsageDayOperatorController } from './usage-day-operator.controller';
import { UsageOperatorController } from './usage-operator.controller';
import { UsageController } from './usage.controller';
import { UsageModule } from './usage.module';

/** The usage reports (customer and operator); mounted by the api only. */
@Module({
  imports: [UsageModule],
  // Re-exported so the app that mounts the routes can also use the services (its global guards do).
  exports: [UsageModule],
  controllers: [UsageController, UsageOperatorController, UsageDayOperatorController],
})
export class UsageHttpModule {}
