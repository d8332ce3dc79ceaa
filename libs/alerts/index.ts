export { AlertsModule } from './alerts.module';
export { AlertsHttpModule } from './alerts-http.module';
export { AlertsService } from './alerts.service';
export type { AlertFilter } from './alerts.repository';
export { ALERT_TYPES, type Alert, type AlertType } from './alert.types';
export { type DeliveryOutcome, WebhookDeliveryError, WebhookDeliveryService } from './webhook-delivery.service';
export { SIGNATURE_HEADER, signWebhook, verifyWebhook } from './webhook-signature';
export { ListAlertsQuery, ListOperatorAlertsQuery } from './list-alerts.query';
