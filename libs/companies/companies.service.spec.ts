import { describe, expect, it } from 'vitest';
import type { Clock } from '@tollgate/clock';
import { ConflictError, NotFoundError } from '@tollgate/domain-errors';
import type { CompaniesRepository } from './companies.repository';
import { CompaniesService } from './companies.service';
import type { ContactsRepository } from './contacts.repository';
import type { DataListsService } from './data-lists.service';

const ID = '0123456789abcdef01234567';

/** In-memory stand-ins for the two repositories: a set of company ids and a contact count per company. */
function setup(companies: string[], contacts: Record<string, number>, onCompanyDeleted?: () => void) {
  const calls: string[] = [];
  const companyRepo = {
    get: async (id: string) => {
      if (!companies.includes(id)) throw new NotFoundError('company', id);
      return { id, name: 'Acme', country: null, industry: null };
    },
    delete: async (id: string) => {
      calls.push(`delete company ${id}`);
      onCompanyDeleted?.();
      return companies.includes(id);
    },
  } as unknown as CompaniesRepository;
  const contactRepo = {
    countByCompany: async (id: string) => contacts[id] ?? 0,
    deleteByCompany: async (id: string) => {
      calls.push(`delete contacts ${id}`);
      const n = contacts[id] ?? 0;
      contacts[id] = 0;
      return Array.from({ length: n }, (_, i) => `${id}-${i}`);
    },
  } as unknown as ContactsRepository;
  const lists = {
    companyChanged: async () => calls.push('lists: company'),
    contactsOfCompanyDeleted: async (_id: string, ids: string[]) => calls.push(`lists: ${ids.length} contacts`),
  } as unknown as DataListsService;
  const service = new CompaniesService(companyRepo, contactRepo, lists, { now: () => 0 } as Clock);
  return { service, calls };
}

describe('CompaniesService.delete', () => {
  it('answers not found before anything else', async () => {
    const { service, calls } = setup([], {});
    await expect(service.delete(ID, true)).rejects.toBeInstanceOf(NotFoundError);
    expect(calls).toEqual([]);
  });

  it('refuses a company with contacts unless cascading, touching nothing', async () => {
    const { service, calls } = setup([ID], { [ID]: 3 });
    const err = await service.delete(ID, false).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ code: 'company_has_contacts', details: { contacts: 3 } });
    expect(calls).toEqual([]);
  });

  it('cascades contacts first, then the company, then sweeps contacts created meanwhile', async () => {
    const contacts = { [ID]: 2 };
    // A contact created concurrently, after the first sweep and before the company is gone.
    const { service, calls } = setup([ID], contacts, () => (contacts[ID] = 1));
    expect(await service.delete(ID, true)).toEqual({ deletedContacts: 3 });
    expect(calls).toEqual([
      `delete contacts ${ID}`,
      `delete company ${ID}`,
      `delete contacts ${ID}`,
      'lists: company',
      'lists: 3 contacts',
    ]);
  });
});
