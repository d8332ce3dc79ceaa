/**
 * The form names are stored and searched in (`nameLower`): a case-insensitive prefix search then
 * becomes a range on an indexed field, which MongoDB serves from the index, where a `/^p/i` regex
 * cannot use one (a case-insensitive regex scans every key).
 */
export function searchKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * `[p, successor(p))`: every string starting with `p`, and nothing else. The successor bumps the
 * last code point, rather than appending '\uffff', because MongoDB compares UTF-8 bytes and a
 * character beyond the BMP sorts after U+FFFF, so `p + '\uffff'` would miss names like "ab😀".
 */
export function prefixRange(prefix: string): { $gte: string; $lt?: string } {
  const key = searchKey(prefix);
  const points = [...key];
  while (points.length) {
    const last = points.pop()!.codePointAt(0)!;
    // A surrogate code point cannot be encoded alone; U+10FFFF has no successor: shorten the prefix.
    let next = last + 1;
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000;
    if (next <= 0x10ffff) return { $gte: key, $lt: points.join('') + String.fromCodePoint(next) };
  }
  return { $gte: key };
}
