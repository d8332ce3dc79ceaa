import { describe, expect, it } from 'vitest';
import { OAuthError } from '@tollgate/domain-errors';
import { clientCredentials, singleParams } from './oauth-request';

const error = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as OAuthError).error;
  }
  return undefined;
};

describe('OAuth request parsing', () => {
  it('refuses repeated, non-string and oversized parameters', () => {
    expect(error(() => singleParams({ grant_type: ['a', 'b'] }))).toBe('invalid_request');
    expect(error(() => singleParams({ client_id: { $ne: null } }))).toBe('invalid_request');
    expect(error(() => singleParams({ client_id: 'x'.repeat(2000) }))).toBe('invalid_request');
    expect(error(() => singleParams({ a: '1' }, { a: '2' }))).toBe('invalid_request');
    expect(singleParams({ a: '1' }, undefined, { b: '2' })).toEqual({ a: '1', b: '2' });
  });

  it('decodes client_secret_basic with RFC 6749 2.3.1 form-encoding', () => {
    const header = `Basic ${Buffer.from('my%20id:p%3Ass+word').toString('base64')}`;
    expect(clientCredentials(header, {})).toEqual({
      clientId: 'my id',
      clientSecret: 'p:ss word',
      method: 'client_secret_basic',
    });
  });

  it('takes client_secret_post, refuses both methods and neither', () => {
    expect(clientCredentials(undefined, { client_id: 'a', client_secret: 'b' }).method).toBe('client_secret_post');
    expect(error(() => clientCredentials(`Basic ${Buffer.from('a:b').toString('base64')}`, { client_id: 'a' }))).toBe(
      'invalid_request',
    );
    expect(error(() => clientCredentials(undefined, {}))).toBe('invalid_client');
    expect(error(() => clientCredentials('Basic !!!', {}))).toBe('invalid_client');
  });
});
