import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CompaniesRepository } from './companies.repository';
import type { Company, CompanyFilter } from './company.types';
import type { Contact } from './contact.types';
import { ContactsRepository } from './contacts.repository';
import type { ListEntry } from './list-chunk.schema';
import { ListPagesRepository } from './list-pages.repository';
import { searchKey } from './name-prefix';
import type { PageRequest } from './page.types';

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
const byCompany = (companyId: string) => `contacts:company:${companyId}`;

/** The first `n` code points of a string (never half a surrogate pair). */
const codePoints = (s: string, n: number) => [...s].slice(0, n).join('');

function companyKey(c: Company): string[] {
  return [searchKey(c.name), c.id];
}

/** Every list a company belongs to. */
function companyLists(c: Company): string[] {
  const lists = [ALL_COMPANIES];
  if (c.country) lists.push(byCountry(c.country));
  if (c.industry) lists.push(byIndustry(c.industry));
  const name = searchKey(c.name);
  const prefixes = new Set<string>();
  for (let n = 1; n <= NAME_PREFIX_LISTS; n++) prefixes.add(codePoints(name, n));
  for (const p of prefixes) if (p) lists.push(byNamePrefix(p));
  return lists;
}

const contactLists = (c: Contact) => [ALL_CONTACTS, byCompany(c.companyId)];

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
    return this.lists.page<Contact>(companyId === undefined ? ALL_CONTACTS : byCompany(companyId), (page.page - 1) * page.pageSize, page.pageSize);
  }

  /** After a company was created (`before` null), replaced, or deleted (`after` null). */
  async companyChanged(before: Company | null, after: Company | null): Promise<void> {
    await this.changed(before, after, companyLists, companyKey);
  }

  async contactChanged(before: Contact | null, after: Contact | null): Promise<void> {
    await this.changed(before, after, contactLists, (c) => [c.id]);
  }

  /** A company's contacts were deleted with it: out of the list of all contacts, and its own list gone. */
  async contactsOfCompanyDeleted(companyId: string, contactIds: string[]): Promise<void> {
    if (contactIds.length) await this.lists.apply(ALL_CONTACTS, contactIds.map((id) => [id]), []);
    await this.lists.drop(byCompany(companyId));
  }

  private async changed<T extends { id: string }>(before: T | null, after: T | null, listsOf: (x: T) => string[], keyOf: (x: T) => string[]): Promise<void> {
    const removeFrom = new Set(before ? listsOf(before) : []);
    const addTo = new Set(after ? listsOf(after) : []);
    const names = new Set([...removeFrom, ...addTo]);
    await Promise.all(
      [...names].map((list) =>
        this.lists.apply(
          list,
          removeFrom.has(list) ? [keyOf(before!)] : [],
          addTo.has(list) ? [{ k: keyOf(after!), d: after as unknown as Record<string, unknown> }] : [],
        ),
      ),
    );
  }

  /** Builds every list from the record (the seed, and a database from before the read model). */
  async rebuild(): Promise<{ lists: number; ms: number }> {
    const started = performance.now();
    const lists = new Map<string, ListEntry[]>();
    const put = (list: string, entry: ListEntry) => {
      const entries = lists.get(list);
      if (entries) entries.push(entry);
      else lists.set(list, [entry]);
    };
    for (const c of await this.companies.findAll()) for (const l of companyLists(c)) put(l, { k: companyKey(c), d: c as never });
    for (const c of await this.contacts.findAll()) for (const l of contactLists(c)) put(l, { k: [c.id], d: c as never });
    if (!lists.has(ALL_COMPANIES)) lists.set(ALL_COMPANIES, []);
    if (!lists.has(ALL_CONTACTS)) lists.set(ALL_CONTACTS, []);
    await this.lists.replaceLists(lists);
    await this.lists.setMarker(BUILT_MARKER);
    const ms = Math.round(performance.now() - started);
    this.logger.log({ lists: lists.size, ms }, 'data lists built from the record');
    return { lists: lists.size, ms };
  }
}
