import { describe, expect, it } from 'vitest';
import { isCorsPath, originKey, varyWithOrigin } from './cors-policy';

describe('cors policy', () => {
  it('covers the data API only, never the token, operator or health endpoints', () => {
    expect(isCorsPath('/api/v1/companies?page=2')).toBe(true);
    expect(isCorsPath('/api/v1')).toBe(true);
    for (const path of ['/oauth/token', '/Auth/login/v1/token', '/operator/v1/accounts', '/health/ready', '/api/v10/x', '/api/v1x']) {
      expect(isCorsPath(path)).toBe(false);
    }
  });

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
