export {
  API_PRODUCT,
  AccountAdminProduct,
  ApiProduct,
  Cost,
  DEFAULT_API_PRODUCT,
  type MeteredRoute,
  meteredRouteOf,
} from './api-product.decorator';
export { UsageModule } from './usage.module';
export { UsageHttpModule } from './usage-http.module';
export { UsageRegistrar } from './usage-registrar';
export { UsageRelay } from './usage-relay';
export { UsageRelayModule } from './usage-relay.module';
export { UsageService, type UsageReport } from './usage.service';
export { MAX_BUCKETS, parseUsageQuery, USAGE_PERIODS, type UsagePeriod } from './usage-period';
