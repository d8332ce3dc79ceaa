import { describe, expect, it } from 'vitest';
import { sessionCookie, sessionCookieOf } from './console-cookie';

describe('the console session cookie', () => {
  it('is HttpOnly and SameSite=Strict always, and __Host- prefixed and Secure behind HTTPS', () => {
    expect(sessionCookie('v', 60, false)).toBe('tollgate-console=v; Path=/; Max-Age=60; HttpOnly; SameSite=Strict');
    expect(sessionCookie('v', 60, true)).toBe(
      '__Host-tollgate-console=v; Path=/; Max-Age=60; HttpOnly; SameSite=Strict; Secure',
    );
    expect(sessionCookie('', 0, true)).toContain('Max-Age=0');
  });

  it('is read from a Cookie header among others, under either name, and nothing else is', () => {
    expect(sessionCookieOf('a=1; tollgate-console=tgcs_x; b=2')).toBe('tgcs_x');
    expect(sessionCookieOf('__Host-tollgate-console=tgcs_y')).toBe('tgcs_y');
    expect(sessionCookieOf('xtollgate-console=tgcs_z; tollgate-consolex=1')).toBeUndefined();
    expect(sessionCookieOf(undefined)).toBeUndefined();
  });
});
