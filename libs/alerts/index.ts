export { AlertsModule } from './alerts.module';
export { AlertsService } from './alerts.service';
export type { AlertFilter } from './alerts.repository';
export { ALERT_TYPES, type Alert, type AlertType } from './alert.types';
