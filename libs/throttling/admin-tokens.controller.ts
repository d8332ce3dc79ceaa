import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AccountsService } from '@tollgate/credentials';
import { Audited, XmlRoot } from '@tollgate/http';
import { CurrentPrincipal, type Principal, TokenListDto, TokensService } from '@tollgate/tokens';
import { AccountAdminProduct } from '@tollgate/usage';

/**
 * Token self-service for the customer: the calling account's live tokens, and revoking one of them.
 * Bearer routes like the other `/api/v1/admin` routes (closed by default: any live token of the
 * account, no extra scope, throttled and metered as the `admin` product); every query is scoped to
 * the caller's account by the principal, never by anything in the URL. It lives here, beside the
 * limits route, because the API product decorator is the usage library's, which itself builds on
 * the tokens library.
 */
@Controller('api/v1/admin/tokens')
@AccountAdminProduct()
export class AdminTokensController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tokens: TokensService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The calling account's live tokens",
    description: 'Token ids, scopes, issue and expiry times and the endpoint that issued each; never a token value.',
  })
  @ApiOkResponse({ type: TokenListDto })
  @XmlRoot('tokens')
  async list(@CurrentPrincipal() principal: Principal) {
    const account = await this.accounts.getById(principal.accountId);
    return { accountId: account.id, tokens: await this.tokens.listActive(account) };
  }

  @Delete(':tokenId')
  @HttpCode(204)
  @ApiOperation({
    summary: "Revoke one of the calling account's tokens",
    description:
      "Effective on every instance before it returns; the token you call with may be revoked too. Another account's token id is 404, as an unknown one is.",
  })
  @ApiNoContentResponse({ description: 'Revoked (or already ended)' })
  // In the audit log like a client's own revocation at /oauth/revoke: the service records it (by the client).
  @Audited('token.revoke', { recordedBy: 'service' })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('tokenId') tokenId: string): Promise<void> {
    await this.tokens.revokeOwn(await this.accounts.getById(principal.accountId), tokenId);
  }
}
