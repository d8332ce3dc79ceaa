import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessStateModule } from '@tollgate/access-state';
import { AccountDocument, AccountSchema } from './account.schema';
import { AccountStateStore } from './account-state.store';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { SecretHasher } from './secret-hasher';

/** Accounts and client secrets as services (no routes: see CredentialsHttpModule). */
@Module({
  imports: [AccessStateModule, MongooseModule.forFeature([{ name: AccountDocument.name, schema: AccountSchema }])],
  providers: [AccountsRepository, AccountsService, AccountStateStore, SecretHasher],
  exports: [AccountsService, SecretHasher],
})
export class CredentialsModule {}
