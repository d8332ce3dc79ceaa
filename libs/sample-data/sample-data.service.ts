import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tollgate/clock';
import { AccountsService } from '@tollgate/credentials';
import { ConflictError, NotFoundError, ValidationFailedError } from '@tollgate/domain-errors';
import { DatasetLoader } from '@tollgate/companies';
import { DEFAULT_SAMPLE, generateSample, type SampleOptions } from './sample-generator';

export const DEMO_ACCOUNT = 'demo';

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
export class SampleDataService {
  private readonly logger = new Logger(SampleDataService.name);

  constructor(
    private readonly dataset: DatasetLoader,
    private readonly accounts: AccountsService,
    private readonly clock: Clock,
  ) {}

  async loadSample(options: Partial<SampleOptions> = {}): Promise<DatasetResult> {
    const sample = { ...DEFAULT_SAMPLE, ...options };
    checkOptions(sample);
    if (!(await this.dataset.isEmpty()))
      return { status: 'skipped', reason: 'the companies collection already has data' };
    const started = performance.now();
    const { companies, contacts } = generateSample(sample);
    const inserted = await this.dataset.load(companies, contacts, new Date(this.clock.now()));
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
    if (!Number.isInteger(v) || v < min || v > max)
      fields.push({ field, problems: [`${field} must be an integer from ${min} to ${max}`] });
  };
  int('seed', 0, 4_294_967_295);
  int('companies', 1, 1_000_000);
  int('contacts', 0, 10_000_000);
  if (fields.length) throw new ValidationFailedError(fields);
}
