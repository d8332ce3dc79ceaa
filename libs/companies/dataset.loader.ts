import { Injectable } from '@nestjs/common';
import { CompaniesRepository, type CompanyRecord } from './companies.repository';
import { ContactsRepository, type ContactRecord } from './contacts.repository';
import { DataListsService } from './data-lists.service';

/** Large enough that 40,000 records take a few dozen round trips; small enough to stay far below the 48 MB message limit. */
const BATCH_SIZE = 2_000;

/**
 * Bulk load of a whole dataset into empty collections (the sample data): records in batches, then
 * the lists the data API pages through, built from what was just stored without reading it back.
 */
@Injectable()
export class DatasetLoader {
  constructor(
    private readonly companies: CompaniesRepository,
    private readonly contacts: ContactsRepository,
    private readonly lists: DataListsService,
  ) {}

  /** True when no company is stored (a dataset is only ever loaded into an empty one). */
  isEmpty(): Promise<boolean> {
    return this.companies.isEmpty();
  }

  async load(
    companies: CompanyRecord[],
    contacts: ContactRecord[],
    now: Date,
  ): Promise<{ companies: number; contacts: number }> {
    const inserted = { companies: 0, contacts: 0 };
    // Companies first: a contact must never point at a company that is not there yet.
    for (let i = 0; i < companies.length; i += BATCH_SIZE)
      inserted.companies += await this.companies.insertBatch(companies.slice(i, i + BATCH_SIZE), now);
    for (let i = 0; i < contacts.length; i += BATCH_SIZE)
      inserted.contacts += await this.contacts.insertBatch(contacts.slice(i, i + BATCH_SIZE), now);
    // In the field order the repositories return (lists hold the items as the API answers them).
    await this.lists.rebuild({
      companies: companies.map((c) => ({
        id: c.id,
        name: c.name,
        domain: c.domain,
        industry: c.industry,
        country: c.country,
        city: c.city,
        employees: c.employees,
        revenue: c.revenue,
        website: c.website,
        createdAt: now,
        updatedAt: now,
      })),
      contacts: contacts.map((c) => ({
        id: c.id,
        companyId: c.companyId,
        firstName: c.firstName,
        lastName: c.lastName,
        title: c.title,
        email: c.email,
        phone: c.phone,
        createdAt: now,
        updatedAt: now,
      })),
    });
    return inserted;
  }
}
