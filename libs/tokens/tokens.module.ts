import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessStateModule } from '@tollgate/access-state';
import { AuditModule } from '@tollgate/audit';
import { CredentialsModule } from '@tollgate/credentials';
import { TokenDocument, TokenSchema } from './token.schema';
import { PendingTokens } from './pending-tokens';
import { TokenRevocationsStore } from './token-revocations.store';
import { TokensRepository } from './tokens.repository';
import { TokensService } from './tokens.service';

/** Tokens as services (no routes and no HTTP authentication: see TokensHttpModule). */
@Module({
  imports: [
    AccessStateModule,
    AuditModule,
    CredentialsModule,
    MongooseModule.forFeature([{ name: TokenDocument.name, schema: TokenSchema }]),
  ],
  providers: [TokensRepository, PendingTokens, TokensService, TokenRevocationsStore],
  exports: [TokensService, CredentialsModule],
})
export class TokensModule {}
