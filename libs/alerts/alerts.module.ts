import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CredentialsModule } from '@tollgate/credentials';
import { AlertDocument, AlertSchema } from './alert.schema';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';
import { WebhookDeliveryService } from './webhook-delivery.service';

@Module({
  imports: [CredentialsModule, MongooseModule.forFeature([{ name: AlertDocument.name, schema: AlertSchema }])],
  providers: [AlertsRepository, AlertsService, WebhookDeliveryService],
  exports: [AlertsService, WebhookDeliveryService, CredentialsModule],
})
export class AlertsModule {}
