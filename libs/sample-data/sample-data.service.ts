import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tollgate/clock';
import { AccountsService } from '@tollgate/credentials';
import { ConflictError, NotFoundError, ValidationFailedError } from '@tollgate/domain-errors';
import { CompaniesRepository } from './companies.repository';
import { ContactsRepository } from './contacts.repository';
import { DataListsService } from './data-lists.service';
import { DEFAULT_SAMPLE, generateSample, type SampleOptions } from './sample-data';

export const DEMO_ACCOUNT = 'demo';
/** Large enough that 40,000 records take a few dozen round trips; small enough to stay far below the 48 MB message limit. */
const BATCH_SIZE = 2_000;

export type DatasetResult =
  | { status: 'loaded'; companies: number; contacts: number; seed: number; ms: number }
  | { status: 'skipped'; reason: string };

export type DemoAccountResult =
  | { status: 'created'; name: string; clientId: string; clientSecret: string }
  | { status: 'exists'; name: string; clientId: string }
  /** An operator deleted it: deleted names are never reused, so there is no demo account any more. */
  | { status: 'deleted'; name: string };

/**
 * Fills an empty dataset with the deterministic sample and makes sure a demo account exists, so a new
 * user can call the API right after starting the stack. Safe to run on every start: it never touches
 * a dataset that has data, and never re-creates or reveals the secret of an existing demo account.
 */
@Injectable()
export class DataSeedService {
  private readonly logger = new Logger(DataSeedService.name);

  constructor(
    private readonly companies: CompaniesRepository,
    private readonly contacts: ContactsRepository,
    private readonly lists: DataListsService,
    private readonly accounts: AccountsService,
    private readonly clock: Clock,
  ) {}

  async loadSample(options: Partial<SampleOptions> = {}): Promise<DatasetResult> {
    const sample = { ...DEFAULT_SAMPLE, ...options };
    checkOptions(sample);
    if (!(await this.companies.isEmpty())) return { status: 'skipped', reason: 'the companies collection already has data' };
    const started = performance.now();
    const { companies, contacts } = generateSample(sample);
    const now = new Date(this.clock.now());
    const inserted = { companies: 0, contacts: 0 };
    // Companies first: a contact must never point at a company that is not there yet.
    for (let i = 0; i < companies.length; i += BATCH_SIZE) inserted.companies += await this.companies.insertBatch(companies.slice(i, i + BATCH_SIZE), now);
    for (let i = 0; i < contacts.length; i += BATCH_SIZE) inserted.contacts += await this.contacts.insertBatch(contacts.slice(i, i + BATCH_SIZE), now);
    // The lists the data API pages through (its read model), from what was just stored.
    await this.lists.rebuild({
      companies: companies.map((c) => ({ id: c.id, name: c.name, domain: c.domain, industry: c.industry, country: c.country, city: c.city, employees: c.employees, revenue: c.revenue, website: c.website, createdAt: now, updatedAt: now })),
      contacts: contacts.map((c) => ({ id: c.id, companyId: c.companyId, firstName: c.firstName, lastName: c.lastName, title: c.title, email: c.email, phone: c.phone, createdAt: now, updatedAt: now })),
    });
    const ms = Math.round(performance.now() - started);
    this.logger.log({ ...inserted, seed: sample.seed, ms }, 'sample dataset loaded');
    return { status: 'loaded', ...inserted, seed: sample.seed, ms };
  }

  /** Creates the demo account, or reports the existing one; its secret can only be shown at creation. */
  async ensureDemoAccount(name = DEMO_ACCOUNT): Promise<DemoAccountResult> {
    try {
      const { account, clientSecret } = await this.accounts.create({ name, scopes: ['data:read', 'data:write'] });
      return { status: 'created', name, clientId: account.clientId, clientSecret };
    } catch (err) {
      // Create-then-conflict rather than look-then-create: two seeds started at once cannot both create it.
      if (!(err instanceof ConflictError)) throw err;
      const existing = await this.accounts.get(name).catch((missing: unknown) => {
        if (missing instanceof NotFoundError) return null;
        throw missing;
      });
      if (!existing) return { status: 'deleted', name };
      return { status: 'exists', name, clientId: existing.clientId };
    }
  }
}

function checkOptions(options: SampleOptions): void {
  const fields: { field: string; problems: string[] }[] = [];
  const int = (field: keyof SampleOptions, min: number, max: number) => {
    const v = options[field];
    if (!Number.isInteger(v) || v < min || v > max) fields.push({ field, problems: [`${field} must be an integer from ${min} to ${max}`] });
  };
  int('seed', 0, 4_294_967_295);
  int('companies', 1, 1_000_000);
  int('contacts', 0, 10_000_000);
  if (fields.length) throw new ValidationFailedError(fields);
}
