import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPublicUnicastAddress } from './address-policy';

/**
 * A DNS lookup that refuses every answer that is not a public unicast address. Used as the connection's own
 * lookup, the address checked is the address connected to: a host name re-pointed between a check
 * and the request (DNS rebinding) cannot reach an internal address.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: false }, (err, address, family) => {
      if (err) return callback(err, '', 0);
      if (!allowPrivate && !isPublicUnicastAddress(address as string)) {
        return callback(
          Object.assign(new Error('webhook target resolves to a private address'), { code: 'EPRIVATE' }),
          '',
          0,
        );
      }
      callback(null, address as string, family as number);
    });
  };
}

/** POSTs a body and resolves with the status code; the response body is discarded. */
export function guardedPost(
  url: string,
  headers: Record<string, string>,
  body: string,
  opts: { timeoutMs: number; allowPrivate: boolean },
): Promise<number> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(opts.allowPrivate),
        timeout: opts.timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { name: 'TimeoutError' })));
    req.on('error', reject);
    req.end(body);
  });
}
