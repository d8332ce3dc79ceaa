import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthFailuresModule } from '@tollgate/auth-failures';
import { AccountDocument, AccountSchema } from './account.schema';
import { AccountLoginDocument, AccountLoginSchema } from './account-login.schema';
import { AccountStateStore } from './account-state.store';
import { AccountsOperatorController } from './accounts-operator.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { OperatorKeyGuard } from './operator-key.guard';
import { SecretHasher } from './secret-hasher';

@Module({
  imports: [
    AuthFailuresModule,
    MongooseModule.forFeature([
      { name: AccountDocument.name, schema: AccountSchema },
      { name: AccountLoginDocument.name, schema: AccountLoginSchema },
    ]),
  ],
  controllers: [AccountsOperatorController],
  providers: [AccountsRepository, AccountsService, AccountStateStore, SecretHasher, OperatorKeyGuard],
  exports: [AccountsService, SecretHasher, OperatorKeyGuard, AuthFailuresModule],
})
export class CredentialsModule {}
