import { describe, expect, it } from 'vitest';
import { negotiate, renderBody } from './representation';
import { toXml } from './xml';

describe('representation', () => {
  it('answers JSON by default and for */*', () => {
    expect(negotiate(undefined)).toBe('json');
    expect(negotiate('*/*')).toBe('json');
    expect(negotiate('text/html')).toBe('json');
  });

  it('answers XML when the client prefers it', () => {
    expect(negotiate('application/xml')).toBe('xml');
    expect(negotiate('text/xml, application/json;q=0.5')).toBe('xml');
    expect(negotiate('application/json, application/xml;q=0.9')).toBe('json');
  });

  it('renders arrays as repeated singular elements and escapes text', () => {
    const xml = toXml('page', { items: [{ name: 'A & B <c>' }, { name: "d'e" }], total: 2 });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><page><items><item><name>A &amp; B &lt;c&gt;</name></item><item><name>d&apos;e</name></item></items><total>2</total></page>',
    );
    expect(toXml('r', { companies: [{ id: 1 }] })).toContain('<companies><company><id>1</id></company></companies>');
  });

  it('sets the content type with the representation', () => {
    expect(renderBody({ a: 1 }, 'application/xml', 'x').type).toMatch(/^application\/xml/);
    expect(renderBody({ a: 1 }, undefined, 'x')).toEqual({
      type: 'application/json; charset=utf-8',
      payload: '{"a":1}',
    });
  });
});

describe('XML output', () => {
  it('drops characters XML 1.0 forbids: U+FFFE, U+FFFF, lone surrogates, C0 controls', () => {
    const name = 'A\uFFFEB\uFFFFC\uD800D\uDC00E\u0001F\u001FG\u0000H';
    expect(toXml('c', { name })).toBe('<?xml version="1.0" encoding="UTF-8"?><c><name>ABCDEFGH</name></c>');
  });

  it('keeps tab, newlines, astral characters (surrogate pairs) and the rest of Unicode', () => {
    expect(toXml('c', { name: 'a\tb\nc\rd 😀 é \u2028 \uFFFD' })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><c><name>a\tb\nc\rd 😀 é \u2028 \uFFFD</name></c>',
    );
  });

  it('strips forbidden characters from keys used as element names too', () => {
    expect(toXml('c', { 'a\uFFFEb': 1, '1st': 2 })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><c><a_b>1</a_b><_1st>2</_1st></c>',
    );
  });

  it('names array entries by a correct singular, and every singular clients read today is unchanged', () => {
    const entry = (key: string) =>
      /<[^>]+><([^>/]+)>/.exec(toXml('r', { [key]: [1] }).replace('<?xml version="1.0" encoding="UTF-8"?><r>', ''))![1];
    const today: Record<string, string> = {
      companies: 'company',
      contacts: 'contact',
      items: 'item',
      quotas: 'quota',
      scopes: 'scope',
      secrets: 'secret',
      allowedOrigins: 'allowedOrigin',
      days: 'day',
      months: 'month',
      events: 'event',
      fields: 'field',
      problems: 'problem',
      warnAt: 'item',
    };
    for (const [plural, singular] of Object.entries(today)) expect(entry(plural), plural).toBe(singular);
    expect(entry('addresses')).toBe('address');
    expect(entry('boxes')).toBe('box');
    expect(entry('batches')).toBe('batch');
    expect(entry('caches')).toBe('cache');
    expect(entry('types')).toBe('type');
  });
});
