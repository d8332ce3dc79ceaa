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
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?><page><items><item><name>A &amp; B &lt;c&gt;</name></item><item><name>d&apos;e</name></item></items><total>2</total></page>');
    expect(toXml('r', { companies: [{ id: 1 }] })).toContain('<companies><company><id>1</id></company></companies>');
  });

  it('sets the content type with the representation', () => {
    expect(renderBody({ a: 1 }, 'application/xml', 'x').type).toMatch(/^application\/xml/);
    expect(renderBody({ a: 1 }, undefined, 'x')).toEqual({ type: 'application/json; charset=utf-8', payload: '{"a":1}' });
  });
});
