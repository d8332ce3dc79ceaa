import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CredentialsModule } from '@tollgate/credentials';
import { AlertDocument, AlertSchema } from './alert.schema';
import { AlertsOperatorController } from './alerts-operator.controller';
import { AlertsController } from './alerts.controller';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';
import { WebhookDeliveryService } from './webhook-delivery.service';

@Module({
  imports: [CredentialsModule, MongooseModule.forFeature([{ name: AlertDocument.name, schema: AlertSchema }])],
  controllers: [AlertsController, AlertsOperatorController],
  providers: [AlertsRepository, AlertsService, WebhookDeliveryService],
  exports: [AlertsService, WebhookDeliveryService],
})
export class AlertsModule {}
