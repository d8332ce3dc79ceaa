import { OAuthError } from '@tollgate/domain-errors';

const MAX_PARAM_LENGTH = 1024;

export type Params = Record<string, string>;

/**
 * Request parameters as single strings, or `invalid_request`: repeated parameters are refused (RFC
 * 6749 3.2 "parameters MUST NOT be included more than once"), so are non-string values (JSON or
 * bracket syntax smuggling objects such as `{"$ne": null}`) and oversized values.
 */
export function singleParams(...sources: unknown[]): Params {
  const out: Params = {};
  for (const source of sources) {
    if (source === undefined || source === null || source === '') continue;
    if (typeof source !== 'object' || Array.isArray(source))
      throw new OAuthError('invalid_request', 'the request body must be application/x-www-form-urlencoded');
    for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
      if (Array.isArray(value)) throw new OAuthError('invalid_request', `parameter ${safeName(name)} is repeated`);
      if (typeof value !== 'string')
        throw new OAuthError('invalid_request', `parameter ${safeName(name)} must be a string`);
      if (value.length > MAX_PARAM_LENGTH)
        throw new OAuthError('invalid_request', `parameter ${safeName(name)} is too long`);
      if (name in out && out[name] !== value)
        throw new OAuthError('invalid_request', `parameter ${safeName(name)} is repeated`);
      out[name] = value;
    }
  }
  return out;
}

/** The token endpoints take form bodies only (RFC 6749 4.4.2); an absent body is allowed for InsideView's query style. */
export function requireFormBody(contentType: string | undefined, body: unknown, allowEmpty: boolean): void {
  const hasBody = body !== undefined && body !== null && !(typeof body === 'string' && body === '');
  if (!hasBody && allowEmpty) return;
  if (!contentType || !/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
    throw new OAuthError('invalid_request', 'the request body must be application/x-www-form-urlencoded');
  }
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  method: 'client_secret_basic' | 'client_secret_post';
}

/**
 * Client authentication by HTTP Basic (`client_secret_basic`, with the RFC 6749 2.3.1 form-encoding
 * of id and secret) or by body parameters (`client_secret_post`); never both.
 */
export function clientCredentials(authorization: string | undefined, params: Params): ClientCredentials {
  const inBody = params.client_id !== undefined || params.client_secret !== undefined;
  if (authorization !== undefined && /^basic\b/i.test(authorization.trim())) {
    if (inBody) throw new OAuthError('invalid_request', 'use one client authentication method, not both');
    const encoded = authorization.trim().slice(5).trim();
    const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) ? Buffer.from(encoded, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    if (colon <= 0) throw new OAuthError('invalid_client', 'malformed HTTP Basic credentials', true);
    try {
      return {
        clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
        clientSecret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
        method: 'client_secret_basic',
      };
    } catch {
      throw new OAuthError('invalid_client', 'malformed HTTP Basic credentials', true);
    }
  }
  if (params.client_id && params.client_secret)
    return { clientId: params.client_id, clientSecret: params.client_secret, method: 'client_secret_post' };
  throw new OAuthError(
    'invalid_client',
    'client authentication is required (HTTP Basic or client_id and client_secret)',
  );
}

function safeName(name: string): string {
  return JSON.stringify(name.slice(0, 40));
}
