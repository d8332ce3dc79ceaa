/** A write refused by a unique index (MongoDB's E11000; the FerretDB wrapper maps its own to it). */
export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number })?.code === 11000;
}
