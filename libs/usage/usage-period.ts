import { ValidationFailedError } from '@tollgate/domain-errors';

export type UsagePeriod = 'hour' | 'day' | 'month' | 'year';
export const USAGE_PERIODS: UsagePeriod[] = ['hour', 'day', 'month', 'year'];

const FORMATS: Record<UsagePeriod, { re: RegExp; example: string }> = {
  hour: { re: /^\d{4}-\d{2}-\d{2}T\d{2}$/, example: 'YYYY-MM-DDTHH' },
  day: { re: /^\d{4}-\d{2}-\d{2}$/, example: 'YYYY-MM-DD' },
  month: { re: /^\d{4}-\d{2}$/, example: 'YYYY-MM' },
  year: { re: /^\d{4}$/, example: 'YYYY' },
};

export const MAX_BUCKETS = 400;
/** An hourly report spans at most two days (hourly usage is for the recent past: "the last 48 hours"). */
export const MAX_HOUR_BUCKETS = 48;

function invalid(field: string, problem: string): never {
  throw new ValidationFailedError([{ field, problems: [problem] }]);
}

function isRealDate(value: string, period: UsagePeriod): boolean {
  if (period === 'hour') return Number(value.slice(11, 13)) < 24 && isRealDate(value.slice(0, 10), 'day');
  const [y, m = 1, d = 1] = value.split('-').map(Number);
  if (m < 1 || m > 12) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d &&
    (period !== 'day' || d >= 1)
  );
}

/** Number of buckets from start to end inclusive. */
export function bucketCount(period: UsagePeriod, start: string, end: string): number {
  if (period === 'hour')
    return Math.round((Date.parse(`${end}:00:00Z`) - Date.parse(`${start}:00:00Z`)) / 3_600_000) + 1;
  if (period === 'year') return Number(end) - Number(start) + 1;
  if (period === 'month') {
    const [sy, sm] = start.split('-').map(Number);
    const [ey, em] = end.split('-').map(Number);
    return (ey - sy) * 12 + (em - sm) + 1;
  }
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Validates a report query; every problem names its parameter (400). */
export function parseUsageQuery(query: Record<string, unknown>): { period: UsagePeriod; start: string; end: string } {
  const period = query.period;
  if (typeof period !== 'string' || !(period in FORMATS))
    invalid('period', `period must be one of ${USAGE_PERIODS.join(', ')}`);
  const p = period as UsagePeriod;
  const fmt = FORMATS[p];
  for (const field of ['start', 'end'] as const) {
    const v = query[field];
    if (typeof v !== 'string' || !fmt.re.test(v) || !isRealDate(v, p))
      invalid(field, `${field} must be a ${fmt.example} date for period=${p}`);
  }
  const start = query.start as string;
  const end = query.end as string;
  if (start > end) invalid('start', 'start must not be after end');
  const max = p === 'hour' ? MAX_HOUR_BUCKETS : MAX_BUCKETS;
  if (bucketCount(p, start, end) > max) invalid('end', `the range spans more than ${max} ${p}s`);
  return { period: p, start, end };
}
