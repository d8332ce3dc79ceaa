import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiOAuthEndpoint } from '@tollgate/api-docs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountsService } from '@tollgate/credentials';
import { OAuthError } from '@tollgate/domain-errors';
import { Public } from '@tollgate/http';
import { toXml } from '@tollgate/representation';
import { requireFormBody, singleParams } from './oauth-request';
import { TokensService } from './tokens.service';

/**
 * InsideView's token endpoint, for clients written against it: `clientId`, `clientSecret` and
 * `grantType=cred` in the query string or a form body. JSON for `.json` or `Accept:
 * application/json`, XML otherwise (InsideView's default).
 */
@Controller('Auth/login/v1')
@Public()
@ApiTags('oauth')
export class InsideViewTokenController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tokens: TokensService,
  ) {}

  @Post(['token', 'token.json'])
  @ApiOAuthEndpoint()
  @ApiQuery({ name: 'clientId', required: false })
  @ApiQuery({ name: 'clientSecret', required: false })
  @ApiQuery({ name: 'grantType', required: true, enum: ['cred'] })
  @ApiProduces('application/xml', 'application/json')
  @ApiOkResponse({ description: 'InsideView token: `{ accessTokenDetails: { accessToken, tokenType, expirationTime } }` in XML (default) or JSON' })
  @HttpCode(200)
  async token(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    requireFormBody(req.headers['content-type'], req.body, true);
    const params = singleParams(req.query, req.body);
    if (!params.clientId || !params.clientSecret) throw new OAuthError('invalid_request', 'clientId and clientSecret are required');
    if (params.grantType === undefined) throw new OAuthError('invalid_request', 'grantType is required (grantType=cred)');
    if (params.grantType !== 'cred') throw new OAuthError('unsupported_grant_type', 'grantType must be cred');
    const client = await this.accounts.authenticateClientForIssuance(params.clientId, params.clientSecret, req.ip);
    const issued = await this.tokens.issue(client, undefined, 'insideview');
    const body = { accessTokenDetails: { accessToken: issued.accessToken, tokenType: 'bearer', expirationTime: issued.expiresAt.toISOString() } };
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    const json = req.routeOptions.url?.endsWith('.json') || /application\/json/i.test(String(req.headers.accept ?? ''));
    if (json) return body;
    reply.type('application/xml; charset=utf-8');
    return toXml('accessTokenDetails', body.accessTokenDetails);
  }
}
