import { describe, expect, it } from 'vitest';
import { MAX_LISTED_FIELDS, ValidationFailedError } from './domain-error';

describe('ValidationFailedError', () => {
  it('lists every field when there are few', () => {
    const err = new ValidationFailedError([{ field: 'a', problems: ['a is bad'] }]);
    expect(err.details).toEqual({ fields: [{ field: 'a', problems: ['a is bad'] }] });
    expect(err.message).toBe('invalid a');
  });

  it('lists at most MAX_LISTED_FIELDS fields, says how many there were, and cuts long names', () => {
    const fields = Array.from({ length: 9000 }, (_, i) => ({
      field: `k${i}${'x'.repeat(i === 0 ? 5000 : 0)}`,
      problems: [`property k${i} should not exist`],
    }));
    const err = new ValidationFailedError(fields);
    expect(err.fields).toHaveLength(MAX_LISTED_FIELDS);
    expect(err.details).toMatchObject({ truncated: true, fieldCount: 9000 });
    expect(err.message).toMatch(/and 8980 more fields$/);
    expect(JSON.stringify(err.details).length).toBeLessThan(3000);
  });
});
