export { AUTH_FAILURE_WINDOW_MS, AuthFailuresService, clientKey } from './auth-failures.service';
export { AuthFailuresModule } from './auth-failures.module';
export { TooManyFailuresError } from './too-many-failures.error';
