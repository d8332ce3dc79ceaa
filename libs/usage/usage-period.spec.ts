import { describe, expect, it } from 'vitest';
import { ValidationFailedError } from '@tollgate/domain-errors';
import { bucketCount, parseUsageQuery } from './usage-period';

const field = (q: Record<string, unknown>) => {
  try {
    parseUsageQuery(q);
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationFailedError);
    return (err as ValidationFailedError).fields[0].field;
  }
};

describe('usage report parameters', () => {
  it('counts buckets inclusively for each period', () => {
    expect(bucketCount('day', '2026-02-27', '2026-03-01')).toBe(3);
    expect(bucketCount('month', '2025-11', '2026-02')).toBe(4);
    expect(bucketCount('year', '2020', '2026')).toBe(7);
    expect(bucketCount('hour', '2026-02-28T22', '2026-03-01T01')).toBe(4);
  });

  it('takes hours as YYYY-MM-DDTHH, over at most 48 of them', () => {
    expect(field({ period: 'hour', start: '2026-11-29T00', end: '2026-11-30T23' })).toBeUndefined();
    expect(field({ period: 'hour', start: '2026-11-29T00', end: '2026-12-01T00' })).toBe('end');
    expect(field({ period: 'hour', start: '2026-11-29T24', end: '2026-11-30T01' })).toBe('start');
    expect(field({ period: 'hour', start: '2026-11-29', end: '2026-11-30' })).toBe('start');
    expect(field({ period: 'hour', start: '2026-02-29T01', end: '2026-03-01T01' })).toBe('start');
  });

  it('accepts the formats that match the period', () => {
    expect(parseUsageQuery({ period: 'month', start: '2026-01', end: '2026-12' })).toEqual({
      period: 'month',
      start: '2026-01',
      end: '2026-12',
    });
  });

  it('names the offending parameter', () => {
    expect(field({ start: '2026', end: '2026' })).toBe('period');
    expect(field({ period: 'day', start: '2026-02-29', end: '2026-03-01' })).toBe('start');
    expect(field({ period: 'day', start: '2024-02-29', end: '2024-03-01' })).toBeUndefined();
    expect(field({ period: 'day', start: '2026-01-01', end: ['2026-01-02'] })).toBe('end');
    expect(field({ period: 'month', start: '2026-05', end: '2026-04' })).toBe('start');
    expect(field({ period: 'day', start: '2025-01-01', end: '2026-03-01' })).toBe('end');
  });
});
