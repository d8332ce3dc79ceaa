import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tollgate/clock';
import { ConflictError, NotFoundError } from '@tollgate/domain-errors';
import { CompaniesRepository } from './companies.repository';
import type { Company, CompanyFields, CompanyFilter, CompanyInput } from './company.types';
import { ContactsRepository } from './contacts.repository';
import { DataListsService } from './data-lists.service';
import { checkPage, type Page, type PageRequest } from '@tollgate/persistence';

/** Companies as stored: domains lower-cased (they are unique whatever the case), countries upper-cased. */
function normalize(input: CompanyInput): CompanyFields {
  return {
    name: input.name.trim(),
    domain: input.domain.trim().toLowerCase(),
    industry: input.industry?.trim() || null,
    country: input.country ? input.country.toUpperCase() : null,
    city: input.city?.trim() || null,
    employees: input.employees ?? null,
    revenue: input.revenue ?? null,
    website: input.website ?? null,
  };
}

@Injectable()
export class CompaniesService {
  private readonly logger = new Logger(CompaniesService.name);

  constructor(
    private readonly companies: CompaniesRepository,
    private readonly contacts: ContactsRepository,
    private readonly lists: DataListsService,
    private readonly clock: Clock,
  ) {}

  async list(filter: CompanyFilter, page: PageRequest): Promise<Page<Company>> {
    checkPage(page);
    const normalized: CompanyFilter = {};
    if (filter.name !== undefined) normalized.name = filter.name;
    if (filter.domain !== undefined) normalized.domain = filter.domain.trim().toLowerCase();
    if (filter.country !== undefined) normalized.country = filter.country.toUpperCase();
    if (filter.industry !== undefined) normalized.industry = filter.industry;
    const { items, total } =
      (await this.lists.companyPage(normalized, page)) ?? (await this.companies.list(normalized, page));
    return { items, page: page.page, pageSize: page.pageSize, total };
  }

  get(id: string): Promise<Company> {
    return this.companies.get(id);
  }

  async create(input: CompanyInput): Promise<Company> {
    const company = await this.companies.insert(normalize(input), this.now());
    await this.lists.companyChanged(null, company);
    return company;
  }

  async replace(id: string, input: CompanyInput): Promise<Company> {
    const before = await this.companies.get(id);
    const company = await this.companies.replace(id, normalize(input), this.now());
    if (!company) throw new NotFoundError('company', id);
    await this.lists.companyChanged(before, company);
    return company;
  }

  /**
   * A company with contacts is deleted only with `cascade`, so a client cannot orphan or silently
   * destroy contacts by mistake.
   */
  async delete(id: string, cascade: boolean): Promise<{ deletedContacts: number }> {
    const company = await this.companies.get(id);
    const count = await this.contacts.countByCompany(id);
    if (count > 0 && !cascade) {
      throw new ConflictError(
        'company_has_contacts',
        `the company has ${count} contact(s); delete them first or pass cascade=true`,
        { contacts: count },
      );
    }
    // No multi-document transaction (FerretDB has none, and a replica set would be needed): contacts
    // go first, so a crash midway leaves the company in place and the same DELETE can be retried.
    const deletedIds = count > 0 ? await this.contacts.deleteByCompany(id) : [];
    if (!(await this.companies.delete(id))) throw new NotFoundError('company', id);
    // A contact created between the count and the company's removal passed the "company exists"
    // check; this second sweep removes it instead of leaving an orphan.
    deletedIds.push(...(await this.contacts.deleteByCompany(id)));
    await this.lists.companyChanged(company, null);
    await this.lists.contactsOfCompanyDeleted(id, deletedIds);
    const deleted = deletedIds.length;
    if (deleted) this.logger.log({ companyId: id, contacts: deleted }, 'company deleted with its contacts');
    return { deletedContacts: deleted };
  }

  private now(): Date {
    return new Date(this.clock.now());
  }
}
