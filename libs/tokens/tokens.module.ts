import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PassportModule } from '@nestjs/passport';
import { AccessStateModule } from '@tollgate/access-state';
import { AuditModule } from '@tollgate/audit';
import { CredentialsModule } from '@tollgate/credentials';
import { BearerStrategy } from './bearer.strategy';
import { TokenDocument, TokenSchema } from './token.schema';
import { TokenRevocationsStore } from './token-revocations.store';
import { TokensRepository } from './tokens.repository';
import { TokensService } from './tokens.service';

/** Tokens as services, and the Passport bearer strategy the access guard uses (no routes: see TokensHttpModule). */
@Module({
  imports: [AccessStateModule, AuditModule, CredentialsModule, PassportModule, MongooseModule.forFeature([{ name: TokenDocument.name, schema: TokenSchema }])],
  providers: [TokensRepository, TokensService, TokenRevocationsStore, BearerStrategy],
  exports: [TokensService, CredentialsModule],
})
export class TokensModule {}
