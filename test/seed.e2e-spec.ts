import { createHash } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompaniesModule } from '@tollgate/companies';
import { DEFAULT_SAMPLE, generateSample, SampleDataModule, SampleDataService, sampleId } from '@tollgate/sample-data';
import { SeedModule } from '../apps/seed/seed.module';
import { CompanyBodyDto } from '../libs/companies/dto/company-body.dto';
import { ContactBodyDto } from '../libs/companies/dto/contact-body.dto';
import { dropStack, startApi, type RunningApi } from './support/apps';
import { bearer, http, issueToken } from './support/client';
import { testConfig } from './support/test-config';

describe('sample generator', () => {
  const small = { seed: DEFAULT_SAMPLE.seed, companies: 500, contacts: 1500 };

  it('is deterministic: the same seed gives the same records, ids included', () => {
    expect(generateSample(small)).toEqual(generateSample(small));
    const other = generateSample({ ...small, seed: small.seed + 1 });
    expect(other.companies.map((c) => c.name)).not.toEqual(generateSample(small).companies.map((c) => c.name));
  });

  it('gives the same sample on every platform and version (pinned fingerprint)', () => {
    // Changing the generator changes every stack's sample; update this on purpose, never by accident.
    const sample = generateSample({ seed: DEFAULT_SAMPLE.seed, companies: 50, contacts: 150 });
    expect(createHash('sha256').update(JSON.stringify(sample)).digest('hex')).toBe(
      'bc443fdc773dd46e288d4e10935111215ed158e462a6b7fcf9a2be4c61b95931',
    );
    expect(sample.companies[0]).toMatchObject({
      id: '65920080c000000000000000',
      name: 'Nimbus Holdings & Co',
      domain: 'nimbusholdings.fr',
      country: 'FR',
    });
  });

  it('defaults to at least 10,000 companies and 30,000 contacts', () => {
    expect(DEFAULT_SAMPLE.companies).toBeGreaterThanOrEqual(10_000);
    expect(DEFAULT_SAMPLE.contacts).toBeGreaterThanOrEqual(30_000);
  });

  it('obeys the API rules: valid fields, unique domains and ids, unique emails per company, existing companies', () => {
    const { companies, contacts } = generateSample(small);
    expect(companies).toHaveLength(500);
    expect(contacts).toHaveLength(1500);
    const companyIds = new Set(companies.map((c) => c.id));
    expect(companyIds.size).toBe(500);
    expect(new Set(companies.map((c) => c.domain)).size).toBe(500);
    expect(new Set(contacts.map((c) => c.id)).size).toBe(1500);
    expect(new Set(contacts.map((c) => `${c.companyId} ${c.email}`)).size).toBe(1500);
    for (const c of contacts) expect(companyIds.has(c.companyId)).toBe(true);
    const problems = [
      ...companies.flatMap(({ id: _id, ...c }) =>
        validateSync(plainToInstance(CompanyBodyDto, c), { whitelist: true, forbidNonWhitelisted: true }),
      ),
      ...contacts.flatMap(({ id: _id, ...c }) =>
        validateSync(plainToInstance(ContactBodyDto, c), { whitelist: true, forbidNonWhitelisted: true }),
      ),
    ];
    expect(
      problems.map((p) => `${p.property}: ${Object.values(p.constraints ?? {}).join()} (${JSON.stringify(p.value)})`),
    ).toEqual([]);
  });
});

describe('seed service', () => {
  const config = testConfig();
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi(config, { imports: [CompaniesModule, SampleDataModule] });
  });
  afterAll(async () => {
    await api?.close();
    await dropStack(config);
  });

  it('loads an empty dataset once, then skips', async () => {
    const seed = api.app.get(SampleDataService);
    const loaded = await seed.loadSample({ companies: 200, contacts: 600 });
    expect(loaded).toMatchObject({ status: 'loaded', companies: 200, contacts: 600, seed: DEFAULT_SAMPLE.seed });
    expect(await seed.loadSample({ companies: 200, contacts: 600 })).toEqual({
      status: 'skipped',
      reason: 'the companies collection already has data',
    });
  });

  it('creates the demo account once, whose printed credentials read the sample through the API', async () => {
    const seed = api.app.get(SampleDataService);
    const demo = await seed.ensureDemoAccount();
    expect(demo.status).toBe('created');
    if (demo.status !== 'created') return;
    const again = await seed.ensureDemoAccount();
    expect(again).toEqual({ status: 'exists', name: 'demo', clientId: demo.clientId });

    const token = await issueToken(api.url, demo);
    const companies = await http(`${api.url}/api/v1/companies?pageSize=1`, { headers: bearer(token) });
    expect(companies.body.total).toBe(200);
    const expected = generateSample({ seed: DEFAULT_SAMPLE.seed, companies: 200, contacts: 600 }).companies[7];
    const one = await http(`${api.url}/api/v1/companies/${sampleId('company', 7)}`, { headers: bearer(token) });
    expect(one.body).toMatchObject({ ...expected });
    expect((await http(`${api.url}/api/v1/contacts?pageSize=1`, { headers: bearer(token) })).body.total).toBe(600);

    // An operator may delete it; the next start's seed then says so instead of failing the stack.
    expect(
      (
        await http(`${api.url}/operator/v1/accounts/demo`, {
          method: 'DELETE',
          headers: { 'x-operator-key': config.operatorKey },
        })
      ).status,
    ).toBe(200);
    expect(await seed.ensureDemoAccount()).toEqual({ status: 'deleted', name: 'demo' });
  });

  it('refuses nonsense options, naming them', async () => {
    await expect(api.app.get(SampleDataService).loadSample({ companies: 0, seed: -1 })).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'seed' }, { field: 'companies' }],
    });
  });
});

describe('seed command, full size', () => {
  const config = testConfig();
  afterAll(async () => {
    await dropStack(config);
  });

  it('loads 10,000 companies and 30,000 contacts through the seed app module', async () => {
    const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error', 'warn'] });
    try {
      const result = await app.get(SampleDataService).loadSample();
      expect(result).toMatchObject({ status: 'loaded', companies: 10_000, contacts: 30_000 });
      // How fast is for `npm run bench`, not for a timed assertion on a shared machine.
      if (result.status === 'loaded') {
        process.stderr.write(`seed: full sample loaded in ${result.ms} ms\n`);
      }
    } finally {
      await app.close();
    }
  });
});
