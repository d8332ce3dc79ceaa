export * from './account.types';
export {
  type AccountListItem,
  type AccountPage,
  AccountsService,
  type AccountView,
  type AuthenticatedClient,
} from './accounts.service';
export { CredentialsModule } from './credentials.module';
export { CredentialsHttpModule } from './credentials-http.module';
export { SecretHasher } from './secret-hasher';
export { ThrottleEntry } from './throttle-entry.schema';
export { CreateAccountDto, RotateSecretDto, UpdateAccountDto } from './dto/account-policy.dto';
export { ListAccountsQuery } from './dto/list-accounts.query';
export { QuotaPolicyDto } from './dto/quota-policy.dto';
export { ThrottlePolicyDto } from './dto/throttle-policy.dto';
