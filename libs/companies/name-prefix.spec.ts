import { describe, expect, it } from 'vitest';
import { prefixRange, searchKey } from './name-prefix';

const within = (value: string, range: { $gte: string; $lt?: string }) => {
  const bytes = (s: string) => Buffer.from(s, 'utf8');
  const v = bytes(searchKey(value));
  return (
    Buffer.compare(v, bytes(range.$gte)) >= 0 && (range.$lt === undefined || Buffer.compare(v, bytes(range.$lt)) < 0)
  );
};

describe('name prefix range', () => {
  it('matches exactly the names that start with the prefix, whatever their case', () => {
    const range = prefixRange('Ac');
    expect(range).toEqual({ $gte: 'ac', $lt: 'ad' });
    for (const name of ['Acme', 'ACME', 'ac', 'ac😀', 'aczzz\uffff']) expect(within(name, range)).toBe(true);
    for (const name of ['Ab', 'Ad', 'a', 'bac', 'ädd']) expect(within(name, range)).toBe(false);
  });

  it('bumps a character outside the BMP by code point', () => {
    const range = prefixRange('a😀');
    expect(within('a😀x', range)).toBe(true);
    expect(within('a😁', range)).toBe(false);
  });

  it('drops a last code point that has no successor', () => {
    expect(prefixRange('a\u{10ffff}')).toEqual({ $gte: 'a\u{10ffff}', $lt: 'b' });
  });
});
