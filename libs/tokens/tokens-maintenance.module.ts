import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TokenDocument, TokenSchema } from './token.schema';
import { TokenPurger } from './token-purger';
import { TokensRepository } from './tokens.repository';

/** Worker side of tokens: the periodic purge of ended token records. */
@Module({
  imports: [MongooseModule.forFeature([{ name: TokenDocument.name, schema: TokenSchema }])],
  providers: [TokensRepository, TokenPurger],
  exports: [TokenPurger],
})
export class TokensMaintenanceModule {}
