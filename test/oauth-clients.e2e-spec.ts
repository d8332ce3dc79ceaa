import * as oauth from 'oauth4webapi';
import * as openid from 'openid-client';
import { ClientCredentials } from 'simple-oauth2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildApp, dropStack, freePort, spawnApp } from './support/apps';
import { bearer, createAccount, http, type TestAccount } from './support/client';
import { processEnv, testConfig } from './support/test-config';

/**
 * The OAuth client libraries teams already use, unmodified, against the real API process (built
 * `dist/`, real Redis and MongoDB-wire store), configured the way their documentation says: discovery
 * from the URL the API runs at, client credentials, introspection and revocation. The API runs with
 * no PUBLIC_URL, so this also proves the default (`http://127.0.0.1:<PORT>`, what `npm run stack`
 * prints) is an issuer strict clients accept when pointed at that same URL.
 */
const config = testConfig();
let api: ChildApp & { url: string };
let issuer: URL;

const limits = (token: string) => http(`${api.url}/api/v1/admin/limits`, { headers: bearer(token) });
/** RFC 7662 with the operator key: the server's own view of a token, independent of the client library. */
const activeOnServer = async (token: string) =>
  (
    await http(`${api.url}/oauth/introspect`, {
      method: 'POST',
      headers: { 'x-operator-key': config.operatorKey },
      form: { token },
    })
  ).body.active as boolean;

beforeAll(async () => {
  const env = processEnv(config);
  expect(env.PUBLIC_URL).toBeUndefined();
  api = (await spawnApp('api', env, await freePort())) as ChildApp & { url: string };
  issuer = new URL(api.url);
});
afterAll(async () => {
  await api?.kill();
  await dropStack(config);
});

describe('PUBLIC_URL by default', () => {
  it('is the loopback URL the API listens on: discovery, the OpenAPI server and its token URL all name it', async () => {
    const metadata = (await http(`${api.url}/.well-known/oauth-authorization-server`)).body;
    expect(metadata).toMatchObject({
      issuer: api.url,
      token_endpoint: `${api.url}/oauth/token`,
      revocation_endpoint: `${api.url}/oauth/revoke`,
      introspection_endpoint: `${api.url}/oauth/introspect`,
    });
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const document = (await http(`${api.url}/docs/openapi.json`)).body;
    expect(document.servers.map((s: { url: string }) => s.url)).toEqual([api.url]);
    // Swagger UI's Authorize posts to this URL from the page the user opened: same origin, no CORS.
    expect(document.components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl).toBe(`${api.url}/oauth/token`);
  });
});

describe('OAuth client libraries, unmodified', () => {
  let acct: TestAccount;
  beforeAll(async () => {
    acct = await createAccount(api.url, config, { name: 'library-user', scopes: ['data:read', 'data:write'] });
  });

  it('openid-client (RFC 8414 discovery, client_secret_post): token, introspection, revocation', async () => {
    const client = await openid.discovery(
      issuer,
      acct.clientId,
      undefined,
      openid.ClientSecretPost(acct.clientSecret),
      {
        algorithm: 'oauth2',
        execute: [openid.allowInsecureRequests], // plain HTTP on loopback in this test
      },
    );
    expect(client.serverMetadata().issuer).toBe(api.url);
    const tokens = await openid.clientCredentialsGrant(client, { scope: 'data:read' });
    expect(tokens).toMatchObject({ token_type: 'bearer', scope: 'data:read' });
    expect(tokens.expiresIn()).toBeGreaterThan(3000);
    expect((await limits(tokens.access_token)).status).toBe(200);

    const introspected = await openid.tokenIntrospection(client, tokens.access_token);
    expect(introspected).toMatchObject({
      active: true,
      client_id: acct.clientId,
      scope: 'data:read',
      token_type: 'Bearer',
    });

    await openid.tokenRevocation(client, tokens.access_token);
    expect((await limits(tokens.access_token)).status).toBe(401);
    expect((await openid.tokenIntrospection(client, tokens.access_token)).active).toBe(false);
  });

  it('oauth4webapi (RFC 8414 discovery, client_secret_basic): token, introspection, revocation', async () => {
    const options = { [oauth.allowInsecureRequests]: true }; // plain HTTP on loopback in this test
    const as = await oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...options }),
    );
    expect(as.token_endpoint).toBe(`${api.url}/oauth/token`);
    const client: oauth.Client = { client_id: acct.clientId };
    const auth = oauth.ClientSecretBasic(acct.clientSecret);

    const tokens = await oauth.processClientCredentialsResponse(
      as,
      client,
      await oauth.clientCredentialsGrantRequest(as, client, auth, { scope: 'data:read data:write' }, options),
    );
    expect(tokens).toMatchObject({ token_type: 'bearer', scope: 'data:read data:write' });
    expect((await limits(tokens.access_token)).status).toBe(200);

    const introspected = await oauth.processIntrospectionResponse(
      as,
      client,
      await oauth.introspectionRequest(as, client, auth, tokens.access_token, options),
    );
    expect(introspected).toMatchObject({ active: true, client_id: acct.clientId, scope: 'data:read data:write' });

    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, client, auth, tokens.access_token, options),
    );
    expect((await limits(tokens.access_token)).status).toBe(401);
    const after = await oauth.processIntrospectionResponse(
      as,
      client,
      await oauth.introspectionRequest(as, client, auth, tokens.access_token, options),
    );
    expect(after.active).toBe(false);

    // A wrong secret: 401 with the Basic challenge RFC 6749 5.2 asks for, which the library parses,
    // and the RFC 6749 error in the body.
    const wrong = oauth.ClientSecretBasic('tgs_not-the-secret');
    const refused = await oauth.clientCredentialsGrantRequest(as, client, wrong, {}, options);
    const error = await oauth
      .processClientCredentialsResponse(as, client, refused.clone())
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
    expect(error).toMatchObject({ status: 401, cause: [expect.objectContaining({ scheme: 'basic' })] });
    expect(await refused.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('simple-oauth2 (configured from the discovery document; no introspection in the library): token and revocation', async () => {
    // simple-oauth2 does not do discovery: it is given the endpoints the discovery document names.
    const metadata = (await http(`${api.url}/.well-known/oauth-authorization-server`)).body;
    const token = new URL(metadata.token_endpoint);
    const revoke = new URL(metadata.revocation_endpoint);
    expect(revoke.origin).toBe(token.origin);
    for (const authorizationMethod of ['header', 'body'] as const) {
      const client = new ClientCredentials({
        client: { id: acct.clientId, secret: acct.clientSecret },
        auth: { tokenHost: token.origin, tokenPath: token.pathname, revokePath: revoke.pathname },
        options: { authorizationMethod },
      });
      const accessToken = await client.getToken({ scope: 'data:read' });
      const value = accessToken.token.access_token as string;
      expect(accessToken.token).toMatchObject({ token_type: 'Bearer', scope: 'data:read' });
      expect(accessToken.expired()).toBe(false);
      expect((await limits(value)).status).toBe(200);
      // The library has no introspection call: the server's introspection confirms its token.
      expect(await activeOnServer(value)).toBe(true);

      // revoke() parses the answer as JSON (an empty text/plain body made it throw).
      await accessToken.revoke('access_token');
      expect((await limits(value)).status).toBe(401);
      expect(await activeOnServer(value)).toBe(false);
    }
  });
});
