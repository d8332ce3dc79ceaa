/**
 * The console's session cookie. Behind HTTPS it is `__Host-` prefixed and `Secure` (the browser then
 * refuses it over plain HTTP, from a subdomain, or with another path); it is always HttpOnly (no
 * script reads it) and SameSite=Strict (no other site's page can make the browser send it).
 */
export const SESSION_COOKIE = 'tollgate-console';
export const SECURE_SESSION_COOKIE = '__Host-tollgate-console';

/** The session cookie's value in a Cookie header, or undefined. */
export function sessionCookieOf(header: string | string[] | undefined): string | undefined {
  const text = Array.isArray(header) ? header.join('; ') : header;
  if (!text) return undefined;
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name === SESSION_COOKIE || name === SECURE_SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The Set-Cookie value that starts a session (`maxAgeSeconds` > 0) or ends it (0). */
export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  const name = secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  return `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
