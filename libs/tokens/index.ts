export {
  CurrentPrincipal,
  Operator,
  Public,
  REQUIRED_SCOPES,
  RequireScopes,
  type AuthenticatedRequest,
} from './auth.decorators';
export type { Principal } from './principal';
export { TokenListDto } from './dto/token-list.dto';
export { TokensModule } from './tokens.module';
export { TokensService } from './tokens.service';
export { TokenPurger } from './token-purger';
export { TokensMaintenanceModule } from './tokens-maintenance.module';
export { TokensHttpModule } from './tokens-http.module';
export { PENDING_MAX_AGE_MS, PendingTokens } from './pending-tokens';
export type { TokenRecord } from './token.types';
