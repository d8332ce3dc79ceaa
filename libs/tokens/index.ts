export { CurrentPrincipal, Public, PUBLIC_ROUTE, REQUIRED_SCOPES, RequireScopes, type AuthenticatedRequest } from './auth.decorators';
export { BearerAuthGuard } from './bearer-auth.guard';
export type { Principal } from './principal';
export { TokensModule } from './tokens.module';
export { TokensService } from './tokens.service';
export { TokenPurger } from './token-purger';
export { TokensMaintenanceModule } from './tokens-maintenance.module';
