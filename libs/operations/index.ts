export { OperationsHttpModule } from './operations-http.module';
export { QueueDashboardModule } from './queue-dashboard.module';
