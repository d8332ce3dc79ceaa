export { API_PRODUCT, ApiProduct, DEFAULT_API_PRODUCT } from './api-product.decorator';
export { UsageModule } from './usage.module';
export { UsageHttpModule } from './usage-http.module';
export { UsageRegistrar } from './usage-registrar';
export { UsageRelay } from './usage-relay';
export { UsageRelayModule } from './usage-relay.module';
export { UsageService, type UsageReport } from './usage.service';
export { MAX_BUCKETS, parseUsageQuery, type UsagePeriod } from './usage-period';
