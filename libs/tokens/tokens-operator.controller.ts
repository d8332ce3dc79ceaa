import { Audited, Operator } from '@tollgate/http';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { AccountsService } from '@tollgate/credentials';
import { RevokedTokensDto } from './dto/revoked-tokens.dto';
import { TokenListDto } from './dto/token-list.dto';
import { TokensService } from './tokens.service';

/** Operator API for tokens: list an account's active tokens (never their values), revoke one or all. */
@Controller('operator/v1')
@ApiTags('operator: tokens')
@Operator()
export class TokensOperatorController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tokens: TokensService,
  ) {}

  @Get('accounts/:idOrName/tokens')
  @ApiOperation({ summary: "List an account's live tokens", description: 'Never their values.' })
  @ApiOkResponse({ type: TokenListDto })
  async list(@Param('idOrName') idOrName: string) {
    const account = await this.accounts.get(idOrName);
    return { accountId: account.id, tokens: await this.tokens.listActive(account) };
  }

  @Delete('tokens/:tokenId')
  // The service records it: it alone knows the token's account.
  @Audited('token.revoke', { recordedBy: 'service' })
  @ApiOperation({ summary: 'Revoke a token', description: 'Effective on every instance before it returns.' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @HttpCode(204)
  async revoke(@Param('tokenId') tokenId: string): Promise<void> {
    await this.tokens.revokeById(tokenId);
  }

  @Post('accounts/:idOrName/tokens/revoke')
  @Audited('token.revoke-all', { subject: 'account', param: 'idOrName', detail: ['revoked'] })
  @ApiOperation({ summary: 'Revoke every token of an account' })
  @ApiOkResponse({ type: RevokedTokensDto })
  @HttpCode(200)
  async revokeAll(@Param('idOrName') idOrName: string) {
    const account = await this.accounts.get(idOrName);
    return { accountId: account.id, revoked: await this.tokens.revokeAll(account) };
  }
}
