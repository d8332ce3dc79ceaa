import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CompaniesRepository } from './companies.repository';
import type { Company, CompanyFilter } from './company.types';
import type { Contact } from './contact.types';
import { ContactsRepository } from './contacts.repository';
import type { ListEntry } from './list-chunk.schema';
import { ListPagesRepository } from './list-pages.repository';
import { searchKey } from './name-prefix';
import type { PageRequest } from '@tollgate/persistence';

/** Name prefixes up to this many characters have a list of their own; longer ones filter that list. */
export const NAME_PREFIX_LISTS = 3;
/**
 * A filtered list is read whole and filtered in memory (combined filters, prefixes longer than
 * NAME_PREFIX_LISTS) when its smallest candidate list holds at most this many entries; beyond it the
 * query goes to the store's indexes (see companyListQuery).
 */
const MAX_FILTERED_ENTRIES = 2_000;
/** Written once the read model has been built from the record for this database. */
const BUILT_MARKER = '~built:v1';

const ALL_COMPANIES = 'companies';
const ALL_CONTACTS = 'contacts';
const byCountry = (country: string) => `companies:country:${country}`;
const byIndustry = (industry: string) => `companies:industry:${industry}`;
const byNamePrefix = (prefix: string) => `companies:name:${prefix}`;
/**
 * Contacts by company: one list per bucket of companies (the last two hex digits of the company id),
 * sorted by (companyId, contact id), so a company's contacts sit together and a few hundred lists
 * serve every company instead of one list per company.
 */
const byCompanyBucket = (companyId: string) => `contacts:companies:${companyId.slice(-2)}`;

/** The first `n` code points of a string (never half a surrogate pair). */
const codePoints = (s: string, n: number) => [...s].slice(0, n).join('');

/** Where a company sits in each list it belongs to (list name and sort key). */
function companyEntries(c: Company): { list: string; k: string[] }[] {
  const k = [searchKey(c.name), c.id];
  const lists = [ALL_COMPANIES];
  if (c.country) lists.push(byCountry(c.country));
  if (c.industry) lists.push(byIndustry(c.industry));
  const name = searchKey(c.name);
  const prefixes = new Set<string>();
  for (let n = 1; n <= NAME_PREFIX_LISTS; n++) prefixes.add(codePoints(name, n));
  for (const p of prefixes) if (p) lists.push(byNamePrefix(p));
  return lists.map((list) => ({ list, k }));
}

function contactEntries(c: Contact): { list: string; k: string[] }[] {
  return [
    { list: ALL_CONTACTS, k: [c.id] },
    { list: byCompanyBucket(c.companyId), k: [c.companyId, c.id] },
  ];
}

/**
 * The data API's lists as a read model kept on write (see ListPagesRepository): which lists a company
 * or contact belongs to, how a list request maps onto them, and building them from the record. The
 * companies and contacts collections stay the record; a list is a copy arranged for paging.
 *
 * What serves what: no filter, one `country`, one `industry`, a `name` prefix of up to three
 * characters, contacts with or without `companyId`: one list, read by page. A longer prefix or two
 * filters: the smallest list among them, read whole and filtered (when it holds at most 2,000
 * entries). `domain` (unique) and anything larger: the indexed query on the record.
 */
@Injectable()
export class DataListsService implements OnModuleInit {
  private readonly logger = new Logger(DataListsService.name);

  constructor(
    private readonly lists: ListPagesRepository,
    private readonly companies: CompaniesRepository,
    private readonly contacts: ContactsRepository,
  ) {}

  /** A database from before the read model (or one whose build was interrupted) gets it built now. */
  async onModuleInit(): Promise<void> {
    if (await this.lists.hasMarker(BUILT_MARKER)) return;
    if (!(await this.companies.isEmpty()) || !(await this.contacts.isEmpty())) await this.rebuild();
    else await this.lists.setMarker(BUILT_MARKER);
  }

  /** A page of companies from the read model, or null when the filter is served by the record's indexes. */
  async companyPage(filter: CompanyFilter, page: PageRequest): Promise<{ items: Company[]; total: number } | null> {
    if (filter.domain !== undefined) return null;
    const offset = (page.page - 1) * page.pageSize;
    const candidates: string[] = [];
    if (filter.country !== undefined) candidates.push(byCountry(filter.country));
    if (filter.industry !== undefined) candidates.push(byIndustry(filter.industry));
    const name = filter.name !== undefined ? searchKey(filter.name) : undefined;
    if (name !== undefined) candidates.push(byNamePrefix(codePoints(name, NAME_PREFIX_LISTS)));
    if (!candidates.length) return this.lists.page<Company>(ALL_COMPANIES, offset, page.pageSize);
    const exactPrefix = name === undefined || [...name].length <= NAME_PREFIX_LISTS;
    if (candidates.length === 1 && exactPrefix) return this.lists.page<Company>(candidates[0], offset, page.pageSize);
    // Several filters, or a longer prefix: filter the smallest candidate list in memory.
    const heads = await Promise.all(candidates.map((c) => this.lists.head(c)));
    if (heads.some((h) => !h)) return { items: [], total: 0 };
    const smallest = candidates[heads.reduce((best, h, i) => (h!.total < heads[best]!.total ? i : best), 0)];
    const entries = await this.lists.all<Company>(smallest, MAX_FILTERED_ENTRIES);
    if (!entries) return null;
    const matches = entries
      .map((e) => e.d)
      .filter(
        (c) =>
          (filter.country === undefined || c.country === filter.country) &&
          (filter.industry === undefined || c.industry === filter.industry) &&
          (name === undefined || searchKey(c.name).startsWith(name)),
      );
    return { items: matches.slice(offset, offset + page.pageSize), total: matches.length };
  }

  contactPage(companyId: string | undefined, page: PageRequest): Promise<{ items: Contact[]; total: number }> {
    const offset = (page.page - 1) * page.pageSize;
    if (companyId === undefined) return this.lists.page<Contact>(ALL_CONTACTS, offset, page.pageSize);
    return this.lists.group<Contact>(byCompanyBucket(companyId), companyId, offset, page.pageSize);
  }

  /** After a company was created (`before` null), replaced, or deleted (`after` null). */
  async companyChanged(before: Company | null, after: Company | null): Promise<void> {
    await this.changed(before, after, companyEntries);
  }

  async contactChanged(before: Contact | null, after: Contact | null): Promise<void> {
    await this.changed(before, after, contactEntries);
  }

  /** A company's contacts were deleted with it. */
  async contactsOfCompanyDeleted(companyId: string, contactIds: string[]): Promise<void> {
    if (!contactIds.length) return;
    await this.lists.apply(
      ALL_CONTACTS,
      contactIds.map((id) => [id]),
      [],
    );
    await this.lists.apply(
      byCompanyBucket(companyId),
      contactIds.map((id) => [companyId, id]),
      [],
    );
  }

  private async changed<T>(
    before: T | null,
    after: T | null,
    entriesOf: (x: T) => { list: string; k: string[] }[],
  ): Promise<void> {
    const removals = new Map((before ? entriesOf(before) : []).map((e) => [e.list, e.k]));
    const additions = new Map((after ? entriesOf(after) : []).map((e) => [e.list, e.k]));
    const names = new Set([...removals.keys(), ...additions.keys()]);
    await Promise.all(
      [...names].map((list) => {
        const k = additions.get(list);
        return this.lists.apply(
          list,
          removals.has(list) ? [removals.get(list)!] : [],
          k ? [{ k, d: after as unknown as Record<string, unknown> }] : [],
        );
      }),
    );
  }

  /**
   * Builds every list from the record (a database from before the read model), or from what the seed
   * has just stored (`source`, the same items as the repositories return them, without reading them back).
   */
  async rebuild(source?: { companies: Company[]; contacts: Contact[] }): Promise<{ lists: number; ms: number }> {
    const started = performance.now();
    const lists = new Map<string, ListEntry[]>();
    const put = (list: string, entry: ListEntry) => {
      const entries = lists.get(list);
      if (entries) entries.push(entry);
      else lists.set(list, [entry]);
    };
    for (const c of source?.companies ?? (await this.companies.findAll()))
      for (const e of companyEntries(c)) put(e.list, { k: e.k, d: c as never });
    for (const c of source?.contacts ?? (await this.contacts.findAll()))
      for (const e of contactEntries(c)) put(e.list, { k: e.k, d: c as never });
    if (!lists.has(ALL_COMPANIES)) lists.set(ALL_COMPANIES, []);
    if (!lists.has(ALL_CONTACTS)) lists.set(ALL_CONTACTS, []);
    await this.lists.replaceLists(lists);
    await this.lists.setMarker(BUILT_MARKER);
    const ms = Math.round(performance.now() - started);
    this.logger.log({ lists: lists.size, ms }, 'data lists built from the record');
    return { lists: lists.size, ms };
  }
}
