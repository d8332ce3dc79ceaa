import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiOAuthEndpoint, formSchema, Public, toXml } from '@tollgate/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountsService } from '@tollgate/credentials';
import { OAuthError } from '@tollgate/domain-errors';
import { InsideViewTokenDetailsDto } from './dto/insideview-token-details.dto';
import { InsideViewTokenDto } from './dto/insideview-token.dto';
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
  @ApiOperation({
    summary: "Issue an access token (InsideView's endpoint)",
    description:
      '`clientId`, `clientSecret` and `grantType=cred` in the query string or a form body. XML by default; JSON for `.json` or `Accept: application/json`.',
  })
  @ApiOAuthEndpoint()
  @ApiExtraModels(InsideViewTokenDto, InsideViewTokenDetailsDto)
  @ApiBody({
    required: false,
    description: 'the same parameters as a form body, instead of the query string',
    schema: formSchema(
      { clientId: 'the client ID or account name', clientSecret: 'a client secret', grantType: 'cred' },
      [],
    ),
  })
  @ApiQuery({ name: 'clientId', required: false })
  @ApiQuery({ name: 'clientSecret', required: false })
  @ApiQuery({ name: 'grantType', required: true, enum: ['cred'] })
  @ApiOkResponse({
    description:
      'InsideView token: `{ accessTokenDetails: { accessToken, tokenType, expirationTime } }` in JSON; in XML the root element `accessTokenDetails`',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(InsideViewTokenDto) } },
      'application/xml': {
        schema: { allOf: [{ $ref: getSchemaPath(InsideViewTokenDetailsDto) }], xml: { name: 'accessTokenDetails' } },
      },
    },
  })
  @HttpCode(200)
  async token(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    requireFormBody(req.headers['content-type'], req.body, true);
    const params = singleParams(req.query, req.body);
    if (!params.clientId || !params.clientSecret)
      throw new OAuthError('invalid_request', 'clientId and clientSecret are required');
    if (params.grantType === undefined)
      throw new OAuthError('invalid_request', 'grantType is required (grantType=cred)');
    if (params.grantType !== 'cred') throw new OAuthError('unsupported_grant_type', 'grantType must be cred');
    const client = await this.accounts.authenticateClientForIssuance(params.clientId, params.clientSecret, req.ip);
    const issued = await this.tokens.issue(client, undefined, 'insideview');
    const body = {
      accessTokenDetails: {
        accessToken: issued.accessToken,
        tokenType: 'bearer',
        expirationTime: issued.expiresAt.toISOString(),
      },
    };
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    const json = req.routeOptions.url?.endsWith('.json') || /application\/json/i.test(String(req.headers.accept ?? ''));
    if (json) return body;
    reply.type('application/xml; charset=utf-8');
    return toXml('accessTokenDetails', body.accessTokenDetails);
  }
}
