import { describe, expect, it } from 'vitest';
import { isDataApiRoute } from './route-registry';

describe('isDataApiRoute', () => {
  it('names the data API routes by their pattern, never the token, operator or health routes', () => {
    expect(isDataApiRoute('/api/v1/companies/:id')).toBe(true);
    expect(isDataApiRoute('/api/v1')).toBe(true);
    for (const route of [
      '/oauth/token',
      '/Auth/login/v1/token',
      '/operator/v1/accounts',
      '/health/ready',
      '/api/v10/x',
      '/api/v1x',
      undefined,
    ]) {
      expect(isDataApiRoute(route)).toBe(false);
    }
  });
});
