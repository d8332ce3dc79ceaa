/** Query and body parameters whose values never reach a log line. */
const SENSITIVE_PARAMS = /^(client_?secret|clientsecret|access_?token|accesstoken|token|refresh_?token|password|secret|operator_?key)$/i;

/**
 * The request URL with sensitive query values replaced. InsideView's token endpoint takes
 * `clientSecret` in the query string, so logging `req.url` as-is would leak secrets.
 */
export function redactRequestUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName);
      } catch {
        /* keep raw */
      }
      return eq >= 0 && SENSITIVE_PARAMS.test(name) ? `${rawName}=[REDACTED]` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
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
