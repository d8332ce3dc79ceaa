import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PassportModule } from '@nestjs/passport';
import { AccessStateModule } from '@tollgate/access-state';
import { CredentialsModule } from '@tollgate/credentials';
import { BearerAuthGuard } from './bearer-auth.guard';
import { BearerStrategy } from './bearer.strategy';
import { InsideViewTokenController } from './insideview-token.controller';
import { OAuthController } from './oauth.controller';
import { TokenDocument, TokenSchema } from './token.schema';
import { TokenRevocationsStore } from './token-revocations.store';
import { TokensOperatorController } from './tokens-operator.controller';
import { TokensRepository } from './tokens.repository';
import { TokensService } from './tokens.service';

@Module({
  imports: [AccessStateModule, CredentialsModule, PassportModule, MongooseModule.forFeature([{ name: TokenDocument.name, schema: TokenSchema }])],
  controllers: [OAuthController, InsideViewTokenController, TokensOperatorController],
  providers: [TokensRepository, TokensService, TokenRevocationsStore, BearerStrategy, BearerAuthGuard],
  exports: [TokensService, BearerAuthGuard, CredentialsModule],
})
export class TokensModule {}
