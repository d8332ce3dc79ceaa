import { describe, expect, it } from 'vitest';
import { jsonShapeProblem, MAX_JSON_DEPTH, MAX_KEYS_PER_OBJECT, MAX_KEYS_TOTAL } from './json-body.parser';

const shape = (text: string) => jsonShapeProblem(Buffer.from(text));

describe('jsonShapeProblem', () => {
  it('accepts ordinary documents, brackets and colons inside strings included', () => {
    expect(shape('{"a":[1,{"b":"c"}],"d":null}')).toBeUndefined();
    expect(shape(JSON.stringify({ s: '[[[[{{{{:::\\"' + '['.repeat(500) }))).toBeUndefined();
    expect(shape('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBeUndefined();
  });

  it('refuses nesting deeper than the limit, objects and arrays alike', () => {
    expect(shape('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1))).toMatch(/deeper than 64/);
    expect(shape('{"a":'.repeat(5000) + '1' + '}'.repeat(5000))).toMatch(/deeper than 64/);
  });

  it('counts keys per object and in all, not array items', () => {
    const obj = (n: number) =>
      JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v:v'])));
    expect(shape(obj(MAX_KEYS_PER_OBJECT))).toBeUndefined();
    expect(shape(obj(MAX_KEYS_PER_OBJECT + 1))).toMatch(/more than 100 keys/);
    expect(shape(JSON.stringify(Array.from({ length: 5000 }, () => 1)))).toBeUndefined();
    const many = JSON.stringify(Array.from({ length: MAX_KEYS_TOTAL / 10 + 1 }, () => JSON.parse(obj(10))));
    expect(shape(many)).toMatch(/more than 1000 keys/);
  });
});
