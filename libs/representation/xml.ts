const NAME_START = /^[A-Za-z_]/;

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

function elementName(key: string): string {
  const cleaned = key.replace(/[^A-Za-z0-9_.-]/g, '_');
  return NAME_START.test(cleaned) ? cleaned : `_${cleaned}`;
}

/** The element name of one entry of an array called `key`: `items` → `item`, `companies` → `company`. */
function itemName(key: string): string {
  if (/ies$/.test(key)) return key.slice(0, -3) + 'y';
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
