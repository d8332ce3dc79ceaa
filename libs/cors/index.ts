export { CorsModule } from './cors.module';
export { AllowedOriginsCache } from './allowed-origins.cache';
export { ALLOWED_HEADERS, ALLOWED_METHODS, EXPOSED_HEADERS } from './cors-policy';
