import type { SortOrder } from 'mongoose';
import { ValidationFailedError } from '@tollgate/domain-errors';
import { MAX_PAGE_SIZE, type PageRequest } from './page.types';

/** The DTO checks pages at the HTTP boundary; services check again for callers that are not HTTP. */
export function checkPage(page: PageRequest): PageRequest {
  const fields: { field: string; problems: string[] }[] = [];
  if (!Number.isInteger(page.page) || page.page < 1) fields.push({ field: 'page', problems: ['page must be an integer of at least 1'] });
  if (!Number.isInteger(page.pageSize) || page.pageSize < 1 || page.pageSize > MAX_PAGE_SIZE)
    fields.push({ field: 'pageSize', problems: [`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`] });
  if (fields.length) throw new ValidationFailedError(fields);
  return page;
}

/** One page of a filtered, sorted query and the total it pages through (both served by the same index). */
export async function findPage<Doc, T>(
  model: { find(filter: object): FindChain<Doc>; countDocuments(filter: object): { exec(): Promise<number> } },
  query: { filter: object; sort: Record<string, SortOrder> },
  page: PageRequest,
  toItem: (doc: Doc) => T,
): Promise<{ items: T[]; total: number }> {
  const [docs, total] = await Promise.all([
    model
      .find(query.filter)
      .sort(query.sort)
      .skip((page.page - 1) * page.pageSize)
      .limit(page.pageSize)
      .lean<Doc[]>()
      .exec(),
    model.countDocuments(query.filter).exec(),
  ]);
  return { items: docs.map(toItem), total };
}

interface FindChain<Doc> {
  sort(sort: Record<string, SortOrder>): FindChain<Doc>;
  skip(n: number): FindChain<Doc>;
  limit(n: number): FindChain<Doc>;
  lean<R>(): { exec(): Promise<R> };
}
