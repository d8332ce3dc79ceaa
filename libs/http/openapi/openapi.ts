import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { TollgateConfig } from '@tollgate/config';
import { applyDocumentRules } from './document-rules';
import { documentedRoutes } from './documented-routes';
import {
  ApiLimitedBody,
  CreditsExhaustedBody,
  BurstLimitedBody,
  ErrorBody,
  OAuthErrorBody,
  QuotaExceededBody,
  ThrottledBody,
  TooManyFailuresBody,
  ValidationErrorBody,
} from './error-bodies';
import {
  ACCESS_TOKEN_HEADER_SCHEME,
  CLIENT_SECRET_BASIC_SCHEME,
  CONSOLE_SESSION_SCHEME,
  NOT_APPLIED_HEADER,
  OAUTH2_SCHEME,
  OPERATOR_KEY_SCHEME,
} from './schemes';

const DESCRIPTION = `API access platform: client credentials, access tokens, throttling, usage and quotas.

Every \`/api/v1\` answer, errors included, is JSON by default and XML for \`Accept: application/xml\`.
XML follows one rule: the root element is the one each answer names (\`xml.name\`), each field is an
element of its name, an array is an element holding one element per entry named by the singular of
the array's name (\`companies\` → \`company\`, \`items\` → \`item\`), and null is an empty element.

Input: unknown fields and query parameters are refused, and no string may contain U+0000 (NUL):
each is a 400 \`validation_failed\` naming the field.

Retries: 429 answers are refused before any effect and say when to retry (\`Retry-After\`). A 503
carrying \`${NOT_APPLIED_HEADER}: false\` was refused before any effect too (safe to retry even a
POST); a 503 without it may follow a write that was applied.`;

/** The OpenAPI 3 document, built from the code (controllers, DTOs, their decorators and access metadata). */
export function buildOpenApiDocument(app: INestApplication, config: TollgateConfig): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Tollgate')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addServer(config.publicUrl)
    .addOAuth2(
      {
        type: 'oauth2',
        description:
          'OAuth 2.0 client credentials (RFC 6749 4.4); client_secret_basic or client_secret_post. A route lists every scope it requires; the token must carry all of them.',
        flows: { clientCredentials: { tokenUrl: `${config.publicUrl}/oauth/token`, scopes: {} } },
      },
      OAUTH2_SCHEME,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'accessToken',
        description:
          "InsideView's header carrying the access token (the same token as `Authorization: Bearer`; the route's scopes apply)",
      },
      ACCESS_TOKEN_HEADER_SCHEME,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-Operator-Key',
        description:
          "an operator key: the bootstrap admin's OPERATOR_KEY, or a named operator's (`tgo_…`); a viewer's opens reads only",
      },
      OPERATOR_KEY_SCHEME,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'cookie',
        name: 'tollgate-console',
        description:
          'a console session (POST /console/session); changes also need its CSRF token in `X-CSRF-Token`. Behind HTTPS the cookie is `__Host-tollgate-console`.',
      },
      CONSOLE_SESSION_SCHEME,
    )
    .addBasicAuth(
      {
        type: 'http',
        scheme: 'basic',
        description:
          'client_secret_basic (RFC 6749 2.3.1): the client ID (or account name) and a client secret, each form-urlencoded, as HTTP Basic',
      },
      CLIENT_SECRET_BASIC_SCHEME,
    );
  const doc = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [
      ErrorBody,
      ValidationErrorBody,
      ThrottledBody,
      QuotaExceededBody,
      TooManyFailuresBody,
      BurstLimitedBody,
      ApiLimitedBody,
      CreditsExhaustedBody,
      OAuthErrorBody,
    ],
  });
  const scopes = applyDocumentRules(doc, documentedRoutes(app));
  // The scopes are the ones routes require (a module added later brings its own), never a fixed list.
  const flow = (
    doc.components!.securitySchemes![OAUTH2_SCHEME] as {
      flows: { clientCredentials: { scopes: Record<string, string> } };
    }
  ).flows.clientCredentials;
  for (const scope of [...scopes.keys()].sort()) flow.scopes[scope] = `required by ${scopes.get(scope)!.join(', ')}`;
  return doc;
}

/** Serves the UI at /docs and the document at /docs/openapi.json. */
export function setupOpenApi(app: INestApplication, config: TollgateConfig): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, config), {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
  });
}
