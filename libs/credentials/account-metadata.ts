/** Keys an account's metadata may have: enough for a customer id, a plan, a region; not a store. */
export const MAX_METADATA_KEYS = 32;
/** Bytes (UTF-8) of all keys and values together. */
export const MAX_METADATA_BYTES = 4096;

/**
 * Why a value cannot be an account's `metadata`, or an empty list: a JSON object of string values,
 * at most {@link MAX_METADATA_KEYS} keys and {@link MAX_METADATA_BYTES} bytes of keys and values in
 * all, no empty key. Metadata is the operator's and the customer's; Tollgate never decides on it.
 */
export function metadataProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ['metadata must be an object of string values'];
  const entries = Object.entries(value as Record<string, unknown>);
  const problems: string[] = [];
  if (entries.length > MAX_METADATA_KEYS)
    problems.push(`metadata must have at most ${MAX_METADATA_KEYS} keys (got ${entries.length})`);
  const notStrings = entries.filter(([, v]) => typeof v !== 'string').map(([k]) => JSON.stringify(k.slice(0, 40)));
  if (notStrings.length) problems.push(`metadata values must be strings (not: ${notStrings.slice(0, 5).join(', ')})`);
  if (entries.some(([k]) => k === '')) problems.push('metadata keys must not be empty');
  const bytes = entries.reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(String(v)), 0);
  if (bytes > MAX_METADATA_BYTES)
    problems.push(`metadata must be at most ${MAX_METADATA_BYTES} bytes of keys and values in all (got ${bytes})`);
  return problems;
}
