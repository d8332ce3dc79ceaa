export * from './account.types';
export { accountKey, accountStateKey } from './account-keys';
export { AccountsService, type AccountView } from './accounts.service';
export { CredentialsModule } from './credentials.module';
export { isOperatorKey, OperatorKeyGuard } from './operator-key.guard';
export { SecretHasher } from './secret-hasher';
export { ThrottleEntry } from './throttle-entry.schema';
