import { Module } from '@nestjs/common';
import { InsideViewTokenController } from './insideview-token.controller';
import { OAuthController } from './oauth.controller';
import { TokensOperatorController } from './tokens-operator.controller';
import { TokensModule } from './tokens.module';

/** The token endpoints (OAuth, InsideView) and the operator tokens API; mounted by the api only. */
@Module({
  imports: [TokensModule],
  // Re-exported so the app that mounts the routes can also use the services (its global guards do).
  exports: [TokensModule],
  controllers: [OAuthController, InsideViewTokenController, TokensOperatorController],
})
export class TokensHttpModule {}
