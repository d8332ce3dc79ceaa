import { Module } from '@nestjs/common';
import { AlertsOperatorController } from './alerts-operator.controller';
import { AlertsController } from './alerts.controller';
import { AlertsModule } from './alerts.module';

/** The alert listings (customer and operator); mounted by the api only, never by the worker. */
@Module({
  imports: [AlertsModule],
  // Re-exported so the app that mounts the routes can also use the services (its global guards do).
  exports: [AlertsModule],
  controllers: [AlertsController, AlertsOperatorController],
})
export class AlertsHttpModule {}
