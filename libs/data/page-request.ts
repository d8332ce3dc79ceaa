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
