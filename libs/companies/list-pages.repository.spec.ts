import { describe, expect, it } from 'vitest';
import { compareKeys } from './list-pages.repository';

describe('list sort keys', () => {
  it('compare by code point, element by element, like MongoDB compares UTF-8 strings and then ids', () => {
    expect(compareKeys(['a', '2'], ['a', '1'])).toBeGreaterThan(0);
    expect(compareKeys(['ab', '1'], ['b', '0'])).toBeLessThan(0);
    expect(compareKeys(['a', '1'], ['a', '1'])).toBe(0);
    expect(compareKeys(['a'], ['ab'])).toBeLessThan(0);
    // UTF-16 order would put U+FF5E before U+1F600 the other way round.
    expect(compareKeys(['\u{1F600}'], ['\uFF5E'])).toBeGreaterThan(0);
    const names = ['ωmega', 'gamma', 'Zeta'.toLowerCase(), 'alpha'];
    expect([...names].sort((a, b) => compareKeys([a], [b]))).toEqual(['alpha', 'gamma', 'zeta', 'ωmega']);
  });
});
