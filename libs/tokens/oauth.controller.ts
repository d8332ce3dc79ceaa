import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { type Account, AccountsService, isOperatorKey } from '@tollgate/credentials';
import { OAuthError } from '@tollgate/domain-errors';
import { clientCredentials, requireFormBody, singleParams, type Params } from './oauth-request';
import { TokensService } from './tokens.service';

/** RFC 6749 4.4 token endpoint, RFC 7009 revocation, RFC 7662 introspection, RFC 8414 discovery. */
@Controller()
export class OAuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tokens: TokensService,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
  ) {}

  @Post('oauth/token')
  @HttpCode(200)
  async token(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const params = this.formParams(req);
    const account = await this.authenticate(req, params);
    if (!params.grant_type) throw new OAuthError('invalid_request', 'grant_type is required');
    if (params.grant_type !== 'client_credentials') throw new OAuthError('unsupported_grant_type', 'only grant_type=client_credentials is supported');
    const issued = await this.tokens.issue(account, params.scope, 'oauth');
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    return { access_token: issued.accessToken, token_type: 'Bearer', expires_in: issued.expiresIn, scope: issued.scopes.join(' ') };
  }

  @Post('oauth/revoke')
  @HttpCode(200)
  async revoke(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const params = this.formParams(req);
    const account = await this.authenticate(req, params);
    if (!params.token) throw new OAuthError('invalid_request', 'token is required');
    await this.tokens.revokeByValue(account, params.token);
    reply.header('cache-control', 'no-store');
    return '';
  }

  @Post('oauth/introspect')
  @HttpCode(200)
  async introspect(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const params = this.formParams(req);
    const operator = isOperatorKey(this.config, req.headers['x-operator-key']);
    const owner = operator ? undefined : await this.authenticate(req, params);
    if (!params.token) throw new OAuthError('invalid_request', 'token is required');
    reply.header('cache-control', 'no-store');
    return this.tokens.introspect(params.token, owner);
  }

  @Get('.well-known/oauth-authorization-server')
  metadata() {
    // From PUBLIC_URL, never from the Host header: a forged Host must not redirect clients elsewhere.
    const base = this.config.publicUrl;
    const methods = ['client_secret_basic', 'client_secret_post'];
    return {
      issuer: base,
      token_endpoint: `${base}/oauth/token`,
      revocation_endpoint: `${base}/oauth/revoke`,
      introspection_endpoint: `${base}/oauth/introspect`,
      grant_types_supported: ['client_credentials'],
      response_types_supported: [],
      token_endpoint_auth_methods_supported: methods,
      revocation_endpoint_auth_methods_supported: methods,
      introspection_endpoint_auth_methods_supported: methods,
      service_documentation: `${base}/docs`,
    };
  }

  private formParams(req: FastifyRequest): Params {
    requireFormBody(req.headers['content-type'], req.body, false);
    return singleParams(req.body);
  }

  private authenticate(req: FastifyRequest, params: Params): Promise<Account> {
    const creds = clientCredentials(req.headers.authorization, params);
    return this.accounts.authenticateClient(creds.clientId, creds.clientSecret).catch((err: unknown) => {
      if (err instanceof OAuthError && err.error === 'invalid_client' && creds.method === 'client_secret_basic') {
        throw new OAuthError('invalid_client', err.message, true);
      }
      throw err;
    });
  }
}
