import { describe, expect, it } from 'vitest';
import { dayTotals } from './usage-fields';

describe('dayTotals', () => {
  it('reads requests, tokens, hours and costs from the usage hash fields', () => {
    const t = dayTotals([
      ['companies', 4],
      ['companies|tok_a', 3],
      ['companies|tok_b', 1],
      ['companies@09', 1],
      ['companies@13', 3],
      ['companies$', 18],
      ['companies$@13', 18],
      ['contacts', 2],
      ['contacts@13', 2],
      ['bad field', 7],
    ]);
    expect(t.apis).toEqual({ companies: 4, contacts: 2 });
    expect(t.tokens).toEqual({ companies: { tok_a: 3, tok_b: 1 } });
    // Credits: requests plus what their costs added beyond one each.
    expect(t.credits).toEqual({ companies: 22, contacts: 2 });
    expect(t.hours).toEqual({ companies: { '09': 1, '13': 3 }, contacts: { '13': 2 } });
    expect(t.hourCredits).toEqual({ companies: { '09': 1, '13': 21 }, contacts: { '13': 2 } });
  });

  it('treats a zero-cost route as taking one back per request', () => {
    expect(
      dayTotals([
        ['free', 5],
        ['free$', -5],
      ]).credits,
    ).toEqual({ free: 0 });
  });
});
