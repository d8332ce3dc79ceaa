import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiClientAuthentication,
  ApiOAuthEndpoint,
  Audited,
  formSchema,
  isOperatorKey,
  OperatorAuthenticator,
  Public,
} from '@tollgate/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { type Account, AccountsService, type AuthenticatedClient } from '@tollgate/credentials';
import { OAuthError } from '@tollgate/domain-errors';
import { AuthorizationServerMetadataDto } from './dto/authorization-server-metadata.dto';
import { IntrospectionDto } from './dto/introspection.dto';
import { TokenResponseDto } from './dto/token-response.dto';
import { clientCredentials, requireFormBody, singleParams, type Params } from './oauth-request';
import { TokensService } from './tokens.service';

/** RFC 6749 4.4 token endpoint, RFC 7009 revocation, RFC 7662 introspection, RFC 8414 discovery. */
/** Public routes: each authenticates its client itself (client credentials, or the operator key for introspection). */
@Controller()
@Public()
@ApiTags('oauth')
export class OAuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tokens: TokensService,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Post('oauth/token')
  @ApiOperation({
    summary: 'Issue an access token (client credentials)',
    description: 'RFC 6749 4.4. `scope` narrows the token to some of the account scopes; `Cache-Control: no-store`.',
  })
  @ApiOAuthEndpoint()
  @ApiClientAuthentication()
  @ApiBody({
    schema: formSchema(
      {
        grant_type: 'client_credentials',
        scope: 'optional, space-separated',
        client_id: 'client_secret_post only',
        client_secret: 'client_secret_post only',
      },
      ['grant_type'],
    ),
  })
  @ApiOkResponse({ description: 'RFC 6749 5.1 token response', type: TokenResponseDto })
  @HttpCode(200)
  async token(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const params = this.formParams(req);
    const client = await this.issuingClient(req, params);
    if (!params.grant_type) throw new OAuthError('invalid_request', 'grant_type is required');
    if (params.grant_type !== 'client_credentials')
      throw new OAuthError('unsupported_grant_type', 'only grant_type=client_credentials is supported');
    const issued = await this.tokens.issue(client, params.scope, 'oauth');
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    return {
      access_token: issued.accessToken,
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      scope: issued.scopes.join(' '),
    };
  }

  @Post('oauth/revoke')
  // A customer's own revocation is in the audit log too; the service records it (by the client).
  @Audited('token.revoke', { recordedBy: 'service' })
  @ApiOperation({
    summary: 'Revoke an access token',
    description:
      "RFC 7009: unknown tokens and other clients' tokens answer 200 and change nothing. Effective on every instance before it returns.",
  })
  @ApiOAuthEndpoint()
  @ApiClientAuthentication()
  @ApiBody({
    schema: formSchema(
      {
        token: 'the access token',
        token_type_hint: 'optional',
        client_id: 'client_secret_post only',
        client_secret: 'client_secret_post only',
      },
      ['token'],
    ),
  })
  @ApiOkResponse({
    description: 'Revoked, or unknown (RFC 7009 answers 200 either way): an empty JSON object',
    content: { 'application/json': { schema: { type: 'object', additionalProperties: false } } },
  })
  @HttpCode(200)
  async revoke(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const params = this.formParams(req);
    const account = await this.authenticate(req, params);
    if (!params.token) throw new OAuthError('invalid_request', 'token is required');
    await this.tokens.revokeByValue(account, params.token);
    reply.header('cache-control', 'no-store');
    // RFC 7009 leaves the body open; OAuth client libraries parse the answer as JSON (simple-oauth2's
    // revoke() throws on an empty text/plain body), so it is an empty JSON object.
    return {};
  }

  @Post('oauth/introspect')
  @ApiOperation({
    summary: 'Introspect an access token',
    description:
      "RFC 7662: a client sees its own tokens only (others are `active: false`); an operator key (the bootstrap key or a named operator's, either role) sees any.",
  })
  @ApiOAuthEndpoint()
  @ApiClientAuthentication({ operatorKey: true })
  @ApiBody({
    schema: formSchema(
      {
        token: 'the access token',
        token_type_hint: 'optional',
        client_id: 'client_secret_post only',
        client_secret: 'client_secret_post only',
      },
      ['token'],
    ),
  })
  @ApiOkResponse({ description: 'RFC 7662 introspection response', type: IntrospectionDto })
  @HttpCode(200)
  async introspect(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const params = this.formParams(req);
    const operator = await this.isOperator(req);
    const owner = operator ? undefined : await this.authenticate(req, params);
    if (!params.token) throw new OAuthError('invalid_request', 'token is required');
    reply.header('cache-control', 'no-store');
    return this.tokens.introspect(params.token, owner);
  }

  /**
   * Whether the request presents an operator key: the bootstrap key, or a named operator's of either
   * role (introspection only reads). Only the header counts here, never a console session cookie: this
   * is a cross-origin-callable public route, and a cookie would let any page a signed-in operator
   * visits introspect through them.
   */
  private async isOperator(req: FastifyRequest): Promise<boolean> {
    const presented = req.headers['x-operator-key'];
    if (typeof presented !== 'string' || !presented) return false;
    if (isOperatorKey(this.config, presented)) return true;
    const named = await this.operatorAuthenticator()?.authenticate({
      method: 'GET',
      headers: { 'x-operator-key': presented },
      ip: req.ip,
    });
    return !!named;
  }

  /** Provided by the operators library when the app mounts it; without it only the bootstrap key counts. */
  private operatorAuthenticator(): OperatorAuthenticator | undefined {
    try {
      return this.moduleRef.get(OperatorAuthenticator, { strict: false });
    } catch {
      return undefined;
    }
  }

  @Get('.well-known/oauth-authorization-server')
  @ApiOperation({
    summary: 'Authorization server metadata',
    description: 'RFC 8414, built from PUBLIC_URL (never from the Host header).',
  })
  @ApiOkResponse({ description: 'RFC 8414 authorization server metadata', type: AuthorizationServerMetadataDto })
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

  private async authenticate(req: FastifyRequest, params: Params): Promise<Account> {
    const creds = this.credentials(req, params);
    return this.accounts
      .authenticateClient(creds.clientId, creds.clientSecret, req.ip)
      .catch(this.challenge(creds.method));
  }

  /** For issuance: may be checked against this process's copy of the account (the issuer proves it current). */
  private async issuingClient(req: FastifyRequest, params: Params): Promise<AuthenticatedClient> {
    const creds = this.credentials(req, params);
    const challenge = this.challenge(creds.method);
    const client = await this.accounts
      .authenticateClientForIssuance(creds.clientId, creds.clientSecret, req.ip)
      .catch(challenge);
    return { ...client, refresh: () => client.refresh().catch(challenge) };
  }

  private credentials(req: FastifyRequest, params: Params) {
    // Node keeps only the first of repeated Authorization headers; two credentials are refused, not ranked.
    if (countHeader(req.raw.rawHeaders, 'authorization') > 1)
      throw new OAuthError('invalid_request', 'send one Authorization header');
    return clientCredentials(req.headers.authorization, params);
  }

  /** A failed client_secret_basic authentication answers 401 with a Basic challenge (RFC 6749 5.2). */
  private challenge(method: string) {
    return (err: unknown): never => {
      if (err instanceof OAuthError && err.error === 'invalid_client' && method === 'client_secret_basic') {
        throw new OAuthError('invalid_client', err.message, true);
      }
      throw err;
    };
  }
}

function countHeader(raw: string[], name: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i].toLowerCase() === name) n++;
  return n;
}
