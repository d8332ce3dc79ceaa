import { describe, expect, it } from 'vitest';
import { IpAllowList, normaliseAllowedIps } from './ip-allow-list';

describe('normaliseAllowedIps', () => {
  it('writes addresses and blocks in one form: network address, compressed lower-case IPv6, mapped IPv4 as IPv4', () => {
    expect(
      normaliseAllowedIps([
        '203.0.113.77/24',
        '2001:0DB8:0000::/32',
        '198.51.100.7',
        '198.51.100.7/32',
        '::ffff:192.0.2.1',
        '::ffff:192.0.2.0/120',
        '2001:db8::1/128',
        '0.0.0.0/0',
      ]),
    ).toEqual({
      entries: [
        '203.0.113.0/24',
        '2001:db8::/32',
        '198.51.100.7',
        '192.0.2.1',
        '192.0.2.0/24',
        '2001:db8::1',
        '0.0.0.0/0',
      ],
    });
  });

  it('names every entry that is not an address or a block', () => {
    const result = normaliseAllowedIps([
      '10.0.0.0/33',
      'example.com',
      '127.1',
      '10.0.0.0/8/1',
      '2001:db8::/129',
      7,
      '',
    ]);
    expect('problems' in result && result.problems).toHaveLength(7);
    expect('problems' in result && result.problems[0]).toContain('"10.0.0.0/33"');
  });
});

describe('IpAllowList', () => {
  const list = IpAllowList.of(['203.0.113.0/24', '2001:db8::/32', '198.51.100.7']);

  it('allows addresses inside a block or equal to a listed address, IPv4 and IPv6', () => {
    expect(list.allows('203.0.113.200')).toBe(true);
    expect(list.allows('198.51.100.7')).toBe(true);
    expect(list.allows('2001:db8:ffff::1')).toBe(true);
    expect(list.allows('203.0.114.1')).toBe(false);
    expect(list.allows('198.51.100.8')).toBe(false);
    expect(list.allows('2001:db9::1')).toBe(false);
    expect(list.allows(undefined)).toBe(false);
    expect(list.allows('not-an-address')).toBe(false);
  });

  it('matches an IPv4-mapped IPv6 client address against the IPv4 rules', () => {
    expect(list.allows('::ffff:203.0.113.9')).toBe(true);
    expect(list.allows('::ffff:198.51.100.7')).toBe(true);
    expect(list.allows('::ffff:10.0.0.1')).toBe(false);
  });

  it('keeps its decisions right when it answers from those it kept, and past their bound', () => {
    const fresh = IpAllowList.of(['203.0.113.0/24']);
    // Twice each (the second answer is the kept one), over more addresses than it keeps.
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < 3_000; i++) {
        const inside = `203.0.113.${i % 256}`;
        const outside = `203.0.${114 + (i % 100)}.${i % 256}`;
        expect(fresh.allows(inside), inside).toBe(true);
        expect(fresh.allows(outside), outside).toBe(false);
      }
    expect(fresh.allows('')).toBe(false);
  });

  it('an empty list allows any address', () => {
    expect(IpAllowList.of([]).allows('192.0.2.1')).toBe(true);
    expect(IpAllowList.of([]).allows(undefined)).toBe(true);
  });
});
