import { createHash, timingSafeEqual } from 'node:crypto';
import type { TollgateConfig } from '@tollgate/config';

/** True when `presented` is the operator key; constant time whatever the lengths. */
export function isOperatorKey(config: Pick<TollgateConfig, 'operatorKey'>, presented: unknown): boolean {
  if (typeof presented !== 'string' || !presented) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(config.operatorKey).digest();
  return timingSafeEqual(a, b);
}

/**
 * The operator key a request presents, from headers only (never the query string, which ends up in
 * logs): `X-Operator-Key`, `Authorization: Bearer <key>` (what Prometheus sends) or the password of
 * HTTP Basic (so a browser can open the queue dashboard).
 */
export function presentedOperatorKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const header = headers['x-operator-key'];
  if (typeof header === 'string') return header;
  const auth = headers.authorization;
  if (typeof auth !== 'string') return undefined;
  if (/^bearer /i.test(auth)) return auth.slice(7).trim();
  if (!/^basic /i.test(auth)) return undefined;
  const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : undefined;
}

export function hasOperatorKey(
  config: Pick<TollgateConfig, 'operatorKey'>,
  headers: Record<string, string | string[] | undefined>,
): boolean {
  return isOperatorKey(config, presentedOperatorKey(headers));
}
