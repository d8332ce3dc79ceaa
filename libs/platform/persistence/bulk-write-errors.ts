/** A write refused by a unique index: MongoDB's E11000 (the local store's wrapper maps its own to it). */
export const DUPLICATE_KEY = 11000;

/** The items of one failed bulk write, as the driver reports them. */
export interface BulkItemError {
  /** Position of the item in the batch written. */
  index: number;
  code?: number;
  /** The driver's write error of that item. */
  error: unknown;
}

interface WriteError {
  index?: number;
  code?: number;
  err?: { index?: number; code?: number };
}

/**
 * The items an unordered `insertMany` or `bulkWrite` refused, from MongoBulkWriteError's
 * `writeErrors` (an array, or one object when one item failed; some driver versions keep index and
 * code under `err`). Undefined when the error names no item: the batch failed as a whole (the store
 * away, a bad command), and every item is to be taken as failed.
 */
export function bulkItemErrors(err: unknown): BulkItemError[] | undefined {
  const raw = (err as { writeErrors?: WriteError | WriteError[] } | undefined)?.writeErrors;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  if (!list.length) return undefined;
  return list.map((e) => ({ index: e.index ?? e.err?.index ?? -1, code: e.code ?? e.err?.code, error: e }));
}

/** A single write, or a whole batch, refused by a unique index. */
export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number } | undefined)?.code === DUPLICATE_KEY;
}
