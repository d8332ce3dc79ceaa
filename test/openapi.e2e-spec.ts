import SwaggerParser from '@apidevtools/swagger-parser';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropStack, startApi, type RunningApi } from './support/apps';
import { http } from './support/client';
import { testConfig } from './support/test-config';

const config = testConfig();
let api: RunningApi;
let doc: any;

beforeAll(async () => {
  api = await startApi(config);
  doc = (await http(`${api.url}/docs/openapi.json`)).body;
});
afterAll(async () => {
  await api?.close();
  await dropStack(config);
});

/** Every route the app's controllers declare, as OpenAPI path + method. */
function declaredRoutes(): { path: string; method: string }[] {
  const discovery = api.app.get(DiscoveryService);
  const scanner = api.app.get(MetadataScanner);
  const routes: { path: string; method: string }[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object;
    if (!instance) continue;
    const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, wrapper.metatype!) ?? '');
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[name] as object;
      const paths = Reflect.getMetadata(PATH_METADATA, handler);
      if (paths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number].toLowerCase();
      for (const b of base)
        for (const p of ([] as string[]).concat(paths)) {
          const full = ('/' + [b, p].filter((x) => x && x !== '/').join('/')).replace(/\/+/g, '/').replace(/:(\w+)/g, '{$1}');
          routes.push({ path: full, method });
        }
    }
  }
  return routes;
}

describe('OpenAPI', () => {
  it('is a valid OpenAPI 3 document served as JSON, with the UI at /docs', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    await SwaggerParser.validate(structuredClone(doc));
    const ui = await http(`${api.url}/docs`);
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('documents every route of every controller', () => {
    const routes = declaredRoutes();
    expect(routes.length).toBeGreaterThan(25);
    const missing = routes.filter((r) => !doc.paths[r.path]?.[r.method]).map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('declares the OAuth 2.0 client-credentials and operator key schemes', () => {
    const schemes = doc.components.securitySchemes;
    expect(schemes.oauth2.flows.clientCredentials.tokenUrl).toBe(`${config.publicUrl}/oauth/token`);
    expect(schemes.operatorKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Operator-Key' });
    const list = doc.paths['/api/v1/companies'].get;
    expect(list.security).toEqual(expect.arrayContaining([{ oauth2: ['data:read'] }]));
    expect(doc.paths['/operator/v1/accounts'].post.security).toEqual([{ operatorKey: [] }]);
  });

  it('documents the rate-limit headers, Retry-After and the error shapes', () => {
    const limits = doc.paths['/api/v1/admin/limits'].get.responses;
    expect(Object.keys(limits['200'].headers)).toEqual(expect.arrayContaining(['RateLimit', 'RateLimit-Policy']));
    expect(Object.keys(limits['429'].headers)).toContain('Retry-After');
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['ErrorBody', 'ValidationErrorBody', 'ThrottledBody', 'QuotaExceededBody', 'OAuthErrorBody', 'CreateAccountDto', 'CompanyBodyDto']));
    expect(doc.components.schemas.CreateAccountDto.properties.throttle).toBeDefined();
    expect(doc.paths['/oauth/token'].post.requestBody.content['application/x-www-form-urlencoded']).toBeDefined();
  });
});
