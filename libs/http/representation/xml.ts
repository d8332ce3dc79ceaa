const NAME_START = /^[A-Za-z_]/;

/**
 * Everything outside XML 1.0's `Char` production (section 2.2): C0 controls other than tab, LF and
 * CR, lone UTF-16 surrogates (with the `u` flag a lone surrogate is a code point of its own, a
 * paired one part of an astral code point), U+FFFE and U+FFFF. One such character in one stored
 * company name would make every XML list it appears in unreadable, so it is dropped from output.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[<>&'"]/g, (c) => ESCAPES[c]);
}

function elementName(key: string): string {
  const cleaned = key.replace(/[^A-Za-z0-9_.-]/g, '_');
  return NAME_START.test(cleaned) ? cleaned : `_${cleaned}`;
}

/** Plurals in -es whose singular keeps the e (the -ches rule would cut it). */
const KEEPS_E = new Set(['caches', 'niches', 'headaches']);

/**
 * The element name of one entry of an array called `key`: `items` → `item`, `companies` →
 * `company`, `addresses` → `address`, `boxes` → `box`, `batches` → `batch`. Every name the API
 * answers with today (companies, contacts, items, quotas, scopes, secrets, allowedOrigins, days,
 * months, events, fields, problems) keeps the singular it always had.
 */
function itemName(key: string): string {
  if (/ies$/.test(key) && key.length > 3) return key.slice(0, -3) + 'y';
  if (/(ss|x|zz|sh|ch)es$/.test(key) && !KEEPS_E.has(key)) return key.slice(0, -2);
  if (/s$/.test(key) && key.length > 1) return key.slice(0, -1);
  return 'item';
}

function render(key: string, value: unknown, out: string[]): void {
  const name = elementName(key);
  if (value === null || value === undefined) {
    out.push(`<${name}/>`);
  } else if (Array.isArray(value)) {
    out.push(`<${name}>`);
    for (const entry of value) render(itemName(key), entry, out);
    out.push(`</${name}>`);
  } else if (value instanceof Date) {
    out.push(`<${name}>${value.toISOString()}</${name}>`);
  } else if (typeof value === 'object') {
    out.push(`<${name}>`);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) render(k, v, out);
    out.push(`</${name}>`);
  } else {
    out.push(`<${name}>${escapeXml(String(value))}</${name}>`);
  }
}

/** Plain data (what a controller returns as JSON) as an XML document under `root`. */
export function toXml(root: string, value: unknown): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  render(root, value, out);
  return out.join('');
}
