import { describe, expect, it } from 'vitest';
import { redactRequestUrl } from './log-redaction';

describe('redactRequestUrl', () => {
  it('masks secret query values and keeps the rest', () => {
    expect(redactRequestUrl('/Auth/login/v1/token?clientId=abc&clientSecret=tgs_x&grantType=cred')).toBe('/Auth/login/v1/token?clientId=abc&clientSecret=[REDACTED]&grantType=cred');
    expect(redactRequestUrl('/api/v1/x?access_token=tgt_y&page=2')).toBe('/api/v1/x?access_token=[REDACTED]&page=2');
    expect(redactRequestUrl('/plain')).toBe('/plain');
  });
});
