import type { FieldChange } from './audit-entry.types';

/**
 * Fields whose values are credentials or their hashes: never written to the log, whatever record
 * they appear in (an account's webhook signing key, a secret's hash, a new secret in an answer).
 */
const SECRET_FIELDS = new Set([
  'clientSecret',
  'alertWebhookSecret',
  'hash',
  'keyHash',
  'tokenHash',
  'key',
  'operatorKey',
  'accessToken',
  'access_token',
  'token',
  'secret',
  'password',
  'csrfToken',
  'sessionToken',
]);
/** Values that are credentials by their form (our prefixes), wherever they appear. */
const SECRET_VALUE = /^(tgs_|tgt_|tgo_|whsec_)/;

/** A copy of `value` without secret fields or secret-looking strings (dropped, not masked: nothing of them is kept). */
export function withoutSecrets(value: unknown): unknown {
  if (typeof value === 'string') return SECRET_VALUE.test(value) ? '[redacted]' : value;
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      if (!SECRET_FIELDS.has(k) && v !== undefined) out[k] = withoutSecrets(v);
    return out;
  }
  return value ?? null;
}

/** The top-level fields that differ between two snapshots of a record (null: it did not exist), secrets left out. */
export function fieldChanges(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): FieldChange[] {
  const b = (withoutSecrets(before ?? {}) ?? {}) as Record<string, unknown>;
  const a = (withoutSecrets(after ?? {}) ?? {}) as Record<string, unknown>;
  const changes: FieldChange[] = [];
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const was = b[field] ?? null;
    const is = a[field] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(is)) changes.push({ field, before: was, after: is });
  }
  return changes;
}
