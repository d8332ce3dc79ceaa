export { AdmissionService } from './admission.service';
export type { AdmissionResult } from './admission.types';
export { LockoutsService } from './lockouts.service';
export { type AppliedPolicy, limitPolicy, rateLimitHeaders, THROTTLE_WARNING_HEADER } from './rate-limit-headers';
export { admissionOf, ThrottleGuard } from './throttle.guard';
export { ThrottlingModule } from './throttling.module';
export { ThrottlingHttpModule } from './throttling-http.module';
export { QuotaExceededError, ThrottledError, ThrottlingUnavailableError } from './throttling.errors';
