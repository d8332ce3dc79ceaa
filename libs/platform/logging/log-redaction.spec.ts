import { describe, expect, it } from 'vitest';
import { redactRequestUrl } from './log-redaction';

const SECRET = 'tgs_c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1ub3QtbGVhaw';

describe('redactRequestUrl', () => {
  it('masks secret query values and keeps the rest', () => {
    expect(redactRequestUrl('/Auth/login/v1/token?clientId=abc&clientSecret=tgs_x&grantType=cred')).toBe(
      '/Auth/login/v1/token?clientId=abc&clientSecret=[REDACTED]&grantType=cred',
    );
    expect(redactRequestUrl('/api/v1/x?access_token=tgt_y&page=2')).toBe('/api/v1/x?access_token=[REDACTED]&page=2');
    expect(redactRequestUrl('/plain')).toBe('/plain');
    expect(redactRequestUrl('/api/v1/companies?name=a%3Db&page=2')).toBe('/api/v1/companies?name=a%3Db&page=2');
  });

  it('masks values after `;`, after percent-encoded separators, and in percent-encoded names', () => {
    const cases: [string, string][] = [
      [`/Auth/login/v1/token;clientSecret=${SECRET}`, '/Auth/login/v1/token;clientSecret=[REDACTED]'],
      [
        `/Auth/login/v1/token?clientId=a;clientSecret=${SECRET};grantType=cred`,
        '/Auth/login/v1/token?clientId=a;clientSecret=[REDACTED];grantType=cred',
      ],
      [`/Auth/login/v1/token%3FclientSecret=${SECRET}`, '/Auth/login/v1/token%3FclientSecret=[REDACTED]'],
      [
        `/Auth/login/v1/token%3fclientId=a%26clientSecret%3D${SECRET}`,
        '/Auth/login/v1/token%3fclientId=a%26clientSecret%3D[REDACTED]',
      ],
      [`/Auth/login/v1/token%253FclientSecret%253D${SECRET}`, '/Auth/login/v1/token%253FclientSecret%253D[REDACTED]'],
      [`/oauth/token?client%5Fsecret=${SECRET}&x=1`, '/oauth/token?client%5Fsecret=[REDACTED]&x=1'],
      [`/oauth/token?client%2553ecret=${SECRET}`, '/oauth/token?client%2553ecret=[REDACTED]'],
      [`/oauth/token?CLIENT-SECRET=${SECRET}`, '/oauth/token?CLIENT-SECRET=[REDACTED]'],
      [`/oauth/token?clientSecret[]=${SECRET}`, '/oauth/token?clientSecret[]=[REDACTED]'],
      [`/x?clientSecret=${SECRET.slice(0, 8)}/${SECRET.slice(8)}?more&y=2`, '/x?clientSecret=[REDACTED]&y=2'],
    ];
    for (const [url, expected] of cases) {
      expect(redactRequestUrl(url), url).toBe(expected);
      expect(redactRequestUrl(url), url).not.toContain(SECRET.slice(4, 20));
    }
  });

  it('masks the operator key and other secret-ish names sent as query parameters, whatever their case', () => {
    for (const name of [
      'X-Operator-Key',
      'x-operator-key',
      'X_OPERATOR_KEY',
      'operatorKey',
      'operator_key',
      'Authorization',
      'accessToken',
      'ACCESS_TOKEN',
      'refresh_token',
      'password',
      'secret',
      'token',
      'api_key',
      'x-api-key',
    ]) {
      expect(redactRequestUrl(`/operator/v1/accounts?${name}=${SECRET}&page=1`), name).toBe(
        `/operator/v1/accounts?${name}=[REDACTED]&page=1`,
      );
    }
  });
});
