import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { handlerAccess } from '@tollgate/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropStack, startApi, type RunningApi } from './support/apps';
import { http } from './support/client';
import { checkResponseAgainstContract } from './support/contract';
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

const ROOT = resolve(__dirname, '..');
const run = promisify(execFile);

/** Every route the app's controllers declare, as OpenAPI path + method, with the access rule the guard applies. */
function declaredRoutes(): { path: string; method: string; access: ReturnType<typeof handlerAccess> }[] {
  const discovery = api.app.get(DiscoveryService);
  const scanner = api.app.get(MetadataScanner);
  const reflector = api.app.get(Reflector);
  const routes: { path: string; method: string; access: ReturnType<typeof handlerAccess> }[] = [];
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
          const full = ('/' + [b, p].filter((x) => x && x !== '/').join('/'))
            .replace(/\/+/g, '/')
            .replace(/:(\w+)/g, '{$1}');
          routes.push({ path: full, method, access: handlerAccess(reflector, handler, wrapper.metatype!) });
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
    expect(doc.paths['/operator/v1/accounts'].post.security).toEqual([{ operatorKey: [] }, { consoleSession: [] }]);
  });

  it('documents the rate-limit headers, Retry-After and the error shapes', () => {
    const limits = doc.paths['/api/v1/admin/limits'].get.responses;
    expect(Object.keys(limits['200'].headers)).toEqual(expect.arrayContaining(['RateLimit', 'RateLimit-Policy']));
    expect(Object.keys(limits['429'].headers)).toContain('Retry-After');
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'ErrorBody',
        'ValidationErrorBody',
        'ThrottledBody',
        'QuotaExceededBody',
        'OAuthErrorBody',
        'CreateAccountDto',
        'CompanyBodyDto',
      ]),
    );
    expect(doc.components.schemas.CreateAccountDto.properties.throttle).toBeDefined();
    expect(doc.paths['/oauth/token'].post.requestBody.content['application/x-www-form-urlencoded']).toBeDefined();
  });
});

describe('OpenAPI: the contract', () => {
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, any>).map(([method, op]) => ({ path, method, op })),
    );

  it("passes Redocly's recommended ruleset with 0 errors", async () => {
    mkdirSync(resolve(ROOT, '.local'), { recursive: true });
    const file = resolve(ROOT, `.local/openapi-lint-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(doc));
    const cli = resolve(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      REDOCLY_TELEMETRY: 'off',
      REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
      NO_COLOR: '1',
    };
    const result = await run(process.execPath, [cli, 'lint', '--extends=recommended', '--format=json', file], {
      env,
      timeout: 60_000,
      maxBuffer: 16 << 20,
    }).catch((err) => err);
    const report = JSON.parse(result.stdout);
    const errors = report.problems
      .filter((p: { severity: string }) => p.severity === 'error')
      .map((p: { ruleId: string; location: { pointer: string }[] }) => `${p.ruleId} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 90_000);

  it('gives every operation a summary, and a schema to every answer that has a body', () => {
    for (const { path, method, op } of operations()) {
      expect(op.summary, `${method} ${path}`).toMatch(/\S/);
      for (const [status, response] of Object.entries(op.responses as Record<string, any>)) {
        // 204 and 431 (answered by Node before any route) have no body.
        if (status === '204' || status === '431') continue;
        const media = Object.values(response.content ?? {}) as { schema?: unknown }[];
        expect(media.length, `${method} ${path} ${status} has content`).toBeGreaterThan(0);
        for (const m of media) expect(m.schema, `${method} ${path} ${status}`).toBeDefined();
      }
    }
  });

  it("states each route's security as the guard enforces it: one oauth2 requirement with all its scopes, the operator key, or client authentication", () => {
    const byKey = new Map(declaredRoutes().map((r) => [`${r.method} ${r.path}`, r.access]));
    for (const { path, method, op } of operations()) {
      const access = byKey.get(`${method} ${path}`)!;
      if (access.kind === 'bearer') {
        // Never an oauth2 alternative with fewer scopes than the route requires.
        expect(op.security, `${method} ${path}`).toEqual([{ oauth2: [...access.scopes] }, { accessToken: [] }]);
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403', '429', '503']));
      } else if (access.kind === 'operator') {
        expect(op.security, `${method} ${path}`).toEqual([{ operatorKey: [] }, { consoleSession: [] }]);
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
      }
    }
    for (const path of ['/oauth/token', '/oauth/revoke', '/oauth/introspect']) {
      const op = doc.paths[path].post;
      expect(op.security).toEqual(expect.arrayContaining([{ clientSecretBasic: [] }, {}]));
      expect(op['x-client-authentication']).toEqual(['client_secret_basic', 'client_secret_post']);
      expect(Object.keys(op.requestBody.content['application/x-www-form-urlencoded'].schema.properties)).toEqual(
        expect.arrayContaining(['client_id', 'client_secret']),
      );
    }
    expect(doc.paths['/oauth/introspect'].post.security).toContainEqual({ operatorKey: [] });
    expect(doc.components.securitySchemes.clientSecretBasic).toMatchObject({ type: 'http', scheme: 'basic' });
  });

  it('lists in the oauth2 scheme exactly the scopes routes require (a module added later brings its own)', () => {
    const required = new Set(declaredRoutes().flatMap((r) => (r.access.kind === 'bearer' ? r.access.scopes : [])));
    expect(required.size).toBeGreaterThan(0);
    expect(Object.keys(doc.components.securitySchemes.oauth2.flows.clientCredentials.scopes).sort()).toEqual(
      [...required].sort(),
    );
    if (process.env.OPENAPI_EXPECT_SCOPES)
      for (const scope of process.env.OPENAPI_EXPECT_SCOPES.split(',')) expect(required).toContain(scope);
  });

  it('documents JSON and XML for every data API answer, errors included', () => {
    const company = doc.paths['/api/v1/companies/{id}'].get.responses;
    for (const status of ['200', '400', '401', '403', '404', '429', '503'])
      expect(Object.keys(company[status].content), status).toEqual(['application/json', 'application/xml']);
    expect(company['200'].content['application/xml'].schema.xml).toEqual({ name: 'company' });
    expect(company['404'].content['application/xml'].schema.xml).toEqual({ name: 'error' });
    expect(doc.paths['/api/v1/companies'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/CompanyPageDto',
    });
  });

  it('has a response-validation hook that fails on what the document does not say', async () => {
    const headers = new Headers({ 'content-type': 'application/json; charset=utf-8' });
    const company = {
      id: 'a'.repeat(24),
      name: 'x',
      domain: 'x.example',
      industry: null,
      country: null,
      city: null,
      employees: null,
      revenue: null,
      website: null,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    };
    const url = `${api.url}/api/v1/companies/${company.id}`;
    await expect(
      checkResponseAgainstContract(url, 'GET', { status: 200, headers, body: company, text: JSON.stringify(company) }),
    ).resolves.toBeUndefined();
    const { domain: _dropped, ...noDomain } = company;
    await expect(
      checkResponseAgainstContract(url, 'GET', {
        status: 200,
        headers,
        body: noDomain,
        text: JSON.stringify(noDomain),
      }),
    ).rejects.toThrow(/domain/);
    await expect(
      checkResponseAgainstContract(url, 'GET', {
        status: 200,
        headers,
        body: { ...company, employees: 'many' },
        text: '{}',
      }),
    ).rejects.toThrow(/employees/);
    await expect(
      checkResponseAgainstContract(url, 'GET', { status: 418, headers, body: {}, text: '{}' }),
    ).rejects.toThrow(/status 418 is not documented/);
    await expect(
      checkResponseAgainstContract(url, 'GET', {
        status: 200,
        headers: new Headers({ 'content-type': 'text/html' }),
        body: '<p>',
        text: '<p>',
      }),
    ).rejects.toThrow(/content type text\/html/);
    const xml = new Headers({ 'content-type': 'application/xml; charset=utf-8' });
    await expect(
      checkResponseAgainstContract(url, 'GET', {
        status: 200,
        headers: xml,
        body: '',
        text: '<?xml version="1.0"?><company><id>1</id></company>',
      }),
    ).resolves.toBeUndefined();
    await expect(
      checkResponseAgainstContract(url, 'GET', {
        status: 200,
        headers: xml,
        body: '',
        text: '<?xml version="1.0"?><contact/>',
      }),
    ).rejects.toThrow(/<company>/);
    await expect(
      checkResponseAgainstContract(`${api.url}/api/v1/undocumented`, 'GET', {
        status: 200,
        headers,
        body: {},
        text: '{}',
      }),
    ).rejects.toThrow(/no documented operation/);
  });
});
