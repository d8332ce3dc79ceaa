import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { BearerStrategy } from './bearer.strategy';
import { InsideViewTokenController } from './insideview-token.controller';
import { OAuthController } from './oauth.controller';
import { TokensOperatorController } from './tokens-operator.controller';
import { TokensModule } from './tokens.module';

/**
 * The token endpoints (OAuth, InsideView), the operator tokens API and the Passport bearer strategy
 * the access guard authenticates requests with; mounted by the api only. The strategy registers
 * itself with Passport, which is one per process: a process that only uses the token services (the
 * worker, the CLI) registers none.
 */
@Module({
  imports: [TokensModule, PassportModule],
  // Re-exported so the app that mounts the routes can also use the services (its global guards do).
  exports: [TokensModule],
  providers: [BearerStrategy],
  controllers: [OAuthController, InsideViewTokenController, TokensOperatorController],
})
export class TokensHttpModule {}
