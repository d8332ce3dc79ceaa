import { describe, expect, it } from 'vitest';
import { fieldChanges, withoutSecrets } from './field-changes';

describe('fieldChanges', () => {
  it('lists only the top-level fields that differ, before and after', () => {
    const before = { status: 'active', throttle: { limit: 10, periodSeconds: 60 }, scopes: ['data:read'] };
    const after = { status: 'active', throttle: { limit: 20, periodSeconds: 60 }, scopes: ['data:read'] };
    expect(fieldChanges(before, after)).toEqual([
      { field: 'throttle', before: { limit: 10, periodSeconds: 60 }, after: { limit: 20, periodSeconds: 60 } },
    ]);
  });

  it('treats a record that did not exist (or no longer does) as null fields', () => {
    expect(fieldChanges(null, { name: 'acme' })).toEqual([{ field: 'name', before: null, after: 'acme' }]);
    expect(fieldChanges({ role: 'viewer' }, null)).toEqual([{ field: 'role', before: 'viewer', after: null }]);
  });

  it('never carries a secret: secret fields are dropped, secret-looking values redacted, at any depth', () => {
    const changes = fieldChanges(
      { alertWebhookSecret: 'whsec_old', secrets: [{ id: 'sec_1', hash: 'ab12' }] },
      {
        alertWebhookSecret: 'whsec_new',
        clientSecret: 'tgs_x',
        secrets: [
          { id: 'sec_1', hash: 'ab12' },
          { id: 'sec_2', hash: 'cd34' },
        ],
        note: 'tgt_abc',
      },
    );
    const text = JSON.stringify(changes);
    for (const secret of ['whsec_', 'tgs_x', 'ab12', 'cd34', 'tgt_abc']) expect(text).not.toContain(secret);
    expect(changes.map((c) => c.field)).toEqual(['secrets', 'note']);
    expect(withoutSecrets({ key: 'tgo_x', operatorKey: 'k', nested: { token: 't', value: 1 } })).toEqual({
      nested: { value: 1 },
    });
  });
});
