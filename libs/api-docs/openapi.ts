import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { TollgateConfig } from '@tollgate/config';
import { ACCESS_TOKEN_HEADER_SCHEME, OAUTH2_SCHEME, OPERATOR_KEY_SCHEME } from './api-docs.decorators';
import { applyDocumentRules } from './document-rules';

/** The OpenAPI 3 document, built from the code (controllers, DTOs and the decorators above). */
export function buildOpenApiDocument(app: INestApplication, config: TollgateConfig): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Tollgate')
    .setDescription('API access platform: client credentials, access tokens, throttling, usage and quotas. Every /api/v1 answer is JSON by default and XML for Accept: application/xml.')
    .setVersion('1')
    .addServer(config.publicUrl)
    .addOAuth2(
      {
        type: 'oauth2',
        description: 'OAuth 2.0 client credentials (RFC 6749 4.4); client_secret_basic or client_secret_post',
        flows: { clientCredentials: { tokenUrl: `${config.publicUrl}/oauth/token`, scopes: { 'data:read': 'read the data API', 'data:write': 'write the data API' } } },
      },
      OAUTH2_SCHEME,
    )
    .addApiKey({ type: 'apiKey', in: 'header', name: 'accessToken', description: "InsideView's header carrying the access token" }, ACCESS_TOKEN_HEADER_SCHEME)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Operator-Key', description: 'the operator API secret (OPERATOR_KEY)' }, OPERATOR_KEY_SCHEME);
  return applyDocumentRules(SwaggerModule.createDocument(app, builder.build()));
}

/** Serves the UI at /docs and the document at /docs/openapi.json. */
export function setupOpenApi(app: INestApplication, config: TollgateConfig): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, config), { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
}
