import { Injectable } from '@nestjs/common';
import { Clock } from '@tollgate/clock';
import { NotFoundError, ValidationFailedError } from '@tollgate/domain-errors';
import { CompaniesRepository } from './companies.repository';
import type { Contact, ContactFields, ContactFilter, ContactInput } from './contact.types';
import { ContactsRepository } from './contacts.repository';
import { DataListsService } from './data-lists.service';
import { checkPage, type Page, type PageRequest } from '@tollgate/persistence';

/** Emails are stored lower-cased so "unique per company" does not depend on how a client typed one. */
function normalize(input: ContactInput): ContactFields {
  return {
    companyId: input.companyId.toLowerCase(),
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    title: input.title?.trim() || null,
    email: input.email.trim().toLowerCase(),
    phone: input.phone?.trim() || null,
  };
}

@Injectable()
export class ContactsService {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly companies: CompaniesRepository,
    private readonly lists: DataListsService,
    private readonly clock: Clock,
  ) {}

  async list(filter: ContactFilter, page: PageRequest): Promise<Page<Contact>> {
    checkPage(page);
    const { items, total } = await this.lists.contactPage(filter.companyId?.toLowerCase(), page);
    return { items, page: page.page, pageSize: page.pageSize, total };
  }

  get(id: string): Promise<Contact> {
    return this.contacts.get(id);
  }

  async create(input: ContactInput): Promise<Contact> {
    const contact = normalize(input);
    await this.requireCompany(contact.companyId);
    const created = await this.contacts.insert(contact, this.now());
    await this.lists.contactChanged(null, created);
    return created;
  }

  async replace(id: string, input: ContactInput): Promise<Contact> {
    const contact = normalize(input);
    // 404 for an unknown contact comes before 400 for an unknown company: the URL is checked first.
    const before = await this.contacts.get(id);
    await this.requireCompany(contact.companyId);
    const replaced = await this.contacts.replace(id, contact, this.now());
    if (!replaced) throw new NotFoundError('contact', id);
    await this.lists.contactChanged(before, replaced);
    return replaced;
  }

  async delete(id: string): Promise<void> {
    const before = await this.contacts.findById(id);
    if (!before || !(await this.contacts.delete(id))) throw new NotFoundError('contact', id);
    await this.lists.contactChanged(before, null);
  }

  /**
   * An unknown companyId in a body is a bad field (400 naming `companyId`), not a missing resource:
   * the URL the client called exists; what it sent does not hold.
   */
  private async requireCompany(companyId: string): Promise<void> {
    if (!(await this.companies.exists(companyId))) {
      throw new ValidationFailedError([{ field: 'companyId', problems: ['no company has this id'] }]);
    }
  }

  private now(): Date {
    return new Date(this.clock.now());
  }
}
