import { Module } from '@nestjs/common';
import { AllowedOriginsCache } from './allowed-origins.cache';
import { AllowedOriginsRepository } from './allowed-origins.repository';
import { CorsHooks } from './cors.hooks';

/**
 * CORS for `/api/v1`, per account (`allowedOrigins` in the account policy; none by default).
 * Importing the module is the whole wiring: it installs its Fastify hooks at module init.
 */
@Module({
  providers: [AllowedOriginsRepository, AllowedOriginsCache, CorsHooks],
  exports: [AllowedOriginsCache],
})
export class CorsModule {}
