import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessStateModule } from '@tollgate/access-state';
import { AuthFailuresModule } from '@tollgate/auth-failures';
import { AccountDocument, AccountSchema } from './account.schema';
import { AccountLoginDocument, AccountLoginSchema } from './account-login.schema';
import { AccountStateStore } from './account-state.store';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { SecretHasher } from './secret-hasher';

/** Accounts and client secrets as services (no routes: see CredentialsHttpModule). */
@Module({
  imports: [
    AccessStateModule,
    AuthFailuresModule,
    MongooseModule.forFeature([
      { name: AccountDocument.name, schema: AccountSchema },
      { name: AccountLoginDocument.name, schema: AccountLoginSchema },
    ]),
  ],
  providers: [AccountsRepository, AccountsService, AccountStateStore, SecretHasher],
  exports: [AccountsService, SecretHasher, AuthFailuresModule],
})
export class CredentialsModule {}
