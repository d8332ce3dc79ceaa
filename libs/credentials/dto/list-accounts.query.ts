import { Transform } from 'class-transformer';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ACCOUNT_STATUSES, type AccountStatus } from '../account.types';

export const DEFAULT_LIST_PAGE_SIZE = 20;
export const MAX_LIST_PAGE_SIZE = 100;
const MAX_PAGE = 1_000_000;
const SEARCH = /^[A-Za-z0-9-]{1,64}$/;

/**
 * Query strings carry text: only plain digits become a number; anything else ("1e3", an array from a
 * repeated key) stays as sent, and the integer check then names the field.
 */
const digits = () =>
  Transform(({ value }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value));
/** An empty filter (`?search=&status=`, as a form sends it) is no filter. */
const emptyIsAbsent = () => Transform(({ value }) => (value === '' ? undefined : value));

/** `GET /operator/v1/accounts`: name prefix search, status filter, pages in name order. */
export class ListAccountsQuery {
  @ApiPropertyOptional({ type: String, pattern: SEARCH.source, description: 'name prefix, case-insensitive' })
  @IsOptional()
  @emptyIsAbsent()
  @Matches(SEARCH, { message: 'search must be 1 to 64 of a-z 0-9 - (a name prefix)' })
  search?: string;

  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES, description: 'without it: every account not deleted' })
  @IsOptional()
  @emptyIsAbsent()
  @IsIn(ACCOUNT_STATUSES, { message: `status must be one of ${ACCOUNT_STATUSES.join(', ')}` })
  status?: AccountStatus;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @digits()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_LIST_PAGE_SIZE, default: DEFAULT_LIST_PAGE_SIZE })
  @IsOptional()
  @digits()
  @IsInt()
  @Min(1)
  @Max(MAX_LIST_PAGE_SIZE)
  pageSize?: number;
}

/** The same rules for callers that are not HTTP (the service checks again). */
export function listQueryProblems(
  search: unknown,
  status: unknown,
  page: number,
  pageSize: number,
): { field: string; problems: string[] }[] {
  const problems: { field: string; problems: string[] }[] = [];
  if (search !== undefined && (typeof search !== 'string' || !SEARCH.test(search)))
    problems.push({ field: 'search', problems: ['search must be 1 to 64 of a-z 0-9 - (a name prefix)'] });
  if (status !== undefined && !ACCOUNT_STATUSES.includes(status as AccountStatus))
    problems.push({ field: 'status', problems: [`status must be one of ${ACCOUNT_STATUSES.join(', ')}`] });
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE)
    problems.push({ field: 'page', problems: [`page must be an integer from 1 to ${MAX_PAGE}`] });
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_LIST_PAGE_SIZE)
    problems.push({ field: 'pageSize', problems: [`pageSize must be an integer from 1 to ${MAX_LIST_PAGE_SIZE}`] });
  return problems;
}
