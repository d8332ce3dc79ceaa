/**
 * Compile-time checks of the typed routes (`npx tsc -p tsconfig.check.json`; the repository's
 * suite runs it): bodies, parameters and answers are typed from the OpenAPI document, and a wrong
 * route or field does not compile (each `@ts-expect-error` fails the check if the error goes away).
 */
import { createTollgateClient } from '../src/index.js';

export async function typedRoutes(): Promise<unknown[]> {
  const client = createTollgateClient({ baseUrl: 'http://127.0.0.1:3000', clientId: 'tgc_x', clientSecret: 'tgs_x' });
  const page = await client.GET('/api/v1/companies', { params: { query: { name: 'summit', pageSize: 2 } } });
  const total: number = page.total;
  const name: string = page.items[0].name;
  const company = await client.GET('/api/v1/companies/{id}', { params: { path: { id: '6650f1c2a1b2c3d4e5f60718' } } });
  const country: string | null = company.country;
  const created = await client.POST('/api/v1/contacts', {
    body: { companyId: company.id, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
  });
  const limits = await client.GET('/api/v1/admin/limits');
  const remaining: number | null = limits.remaining;
  const usage = await client.GET('/api/v1/admin/usage', {
    params: { query: { period: 'day', start: '2026-11-01', end: '2026-11-30' } },
  });
  const transactions: number | undefined = usage.usageForAccount[0]?.transactions;

  const operator = createTollgateClient({ baseUrl: 'http://127.0.0.1:3000', operatorKey: 'key' });
  const account = await operator.POST('/operator/v1/accounts', { body: { name: 'acme', scopes: ['data:read'] } });
  const secret: string = account.clientSecret;

  // @ts-expect-error no such route
  await client.GET('/api/v1/nothing-here');
  // @ts-expect-error name must be a string
  await client.POST('/api/v1/companies', { body: { name: 1, domain: 'example.com' } });
  // @ts-expect-error the path parameter is required
  await client.GET('/api/v1/companies/{id}');
  return [total, name, country, created.email, remaining, transactions, secret];
}
