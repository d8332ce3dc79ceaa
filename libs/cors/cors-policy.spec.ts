import { describe, expect, it } from 'vitest';
import { originKey, varyWithOrigin } from './cors-policy';

describe('cors policy', () => {
  it('compares origins lower-cased and never allows the null origin', () => {
    expect(originKey('https://App.Example.com')).toBe('https://app.example.com');
    expect(originKey('null')).toBeUndefined();
    expect(originKey(['https://a.com'])).toBeUndefined();
    expect(originKey('')).toBeUndefined();
  });

  it('adds Origin to Vary once', () => {
    expect(varyWithOrigin(undefined)).toBe('Origin');
    expect(varyWithOrigin('Accept')).toBe('Accept, Origin');
    expect(varyWithOrigin('accept, origin')).toBe('accept, origin');
  });
});
