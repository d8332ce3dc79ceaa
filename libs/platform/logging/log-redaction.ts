/**
 * Parameter names whose values never reach a log line, compared after percent-decoding, lower-casing
 * and dropping `-`, `_`, `.` and a `[…]` suffix: `client_secret`, `clientSecret`, `Client-Secret`,
 * `client%53ecret` and `clientSecret[]` are one name. `xoperatorkey` covers the operator key header
 * sent as a query parameter.
 */
const SENSITIVE_NAMES = new Set([
  'clientsecret',
  'secret',
  'accesstoken',
  'token',
  'refreshtoken',
  'idtoken',
  'password',
  'passwd',
  'operatorkey',
  'xoperatorkey',
  'apikey',
  'xapikey',
  'authorization',
]);

/**
 * Where a parameter may start: `?`, `&`, `;` (matrix and legacy separators), `#`, `/`, and each of
 * them percent-encoded any number of times (`%3F`, `%253F`), since a client that encodes its `?`
 * still sends its secret, only in the path.
 */
const SEPARATOR = /([?&;#/]|%(?:25)*(?:3f|26|3b|23|2f))/i;
/** Separators that end a value; `/` and `?` do not (a value may contain them). */
const VALUE_END = /^(?:[&;#]|%(?:25)*(?:26|3b|23))$/i;
const EQUALS = /=|%(?:25)*3d/i;

function normalizedName(raw: string): string {
  let name = raw;
  for (let i = 0; i < 3 && name.includes('%'); i++) {
    try {
      name = decodeURIComponent(name);
    } catch {
      break;
    }
  }
  return name
    .toLowerCase()
    .replace(/\[.*$/, '')
    .replace(/[\s._-]/g, '');
}

/**
 * The request URL with the values of sensitive parameters replaced, wherever they are: in the
 * query, after `;`, or in a path whose `?` or `&` was percent-encoded. InsideView's token endpoint
 * takes `clientSecret` in the query string, so logging a URL as-is would leak secrets.
 */
export function redactRequestUrl(url: string): string {
  if (!EQUALS.test(url)) return url;
  const parts = url.split(SEPARATOR);
  const out: string[] = [];
  let masking = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i % 2 === 1) {
      // A separator: one that ends a value stops masking; others inside a masked value are dropped.
      if (masking && !VALUE_END.test(part)) continue;
      masking = false;
      out.push(part);
      continue;
    }
    if (masking) continue;
    const eq = EQUALS.exec(part);
    if (eq && SENSITIVE_NAMES.has(normalizedName(part.slice(0, eq.index)))) {
      out.push(`${part.slice(0, eq.index + eq[0].length)}[REDACTED]`);
      masking = true;
    } else {
      out.push(part);
    }
  }
  return out.join('');
}

/** pino `redact` paths: any object logged with these keys has them censored. */
export const REDACT_PATHS = [
  'authorization',
  'accessToken',
  'access_token',
  'clientSecret',
  'client_secret',
  'token',
  'secret',
  'operatorKey',
  '*.authorization',
  '*.accessToken',
  '*.access_token',
  '*.clientSecret',
  '*.client_secret',
  '*.token',
  '*.secret',
  '*.operatorKey',
  'req.headers.authorization',
  'req.headers.accesstoken',
  'req.headers["x-operator-key"]',
  'req.headers.cookie',
];
