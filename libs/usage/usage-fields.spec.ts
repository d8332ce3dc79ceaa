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

  it('counts free requests as transactions that spend no credit', () => {
    const t = dayTotals([
      ['admin~', 5],
      ['admin~@13', 5],
      ['admin', 2],
      ['admin@13', 2],
      ['admin|tok_a', 7],
    ]);
    expect(t.apis).toEqual({ admin: 7 });
    expect(t.credits).toEqual({ admin: 2 });
    expect(t.hours).toEqual({ admin: { '13': 7 } });
    expect(t.hourCredits).toEqual({ admin: { '13': 2 } });
    expect(dayTotals([['free~', 3]]).credits).toEqual({ free: 0 });
  });
});
