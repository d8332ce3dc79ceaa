import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must not reach by default: loopback, link-local (cloud metadata lives at
 * 169.254.169.254), private, CGNAT, unspecified, multicast and their IPv6 counterparts. Otherwise a
 * customer could point alerts at our own infrastructure (SSRF).
 */
const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) blocked.addSubnet(net, bits, 'ipv6');

export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return false;
  if (family === 6 && /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip)) return blocked.check(ip.slice(7), 'ipv4');
  return blocked.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a webhook URL is refused, or undefined when it may be used. Resolves the host name (DNS). */
export async function webhookTargetProblem(rawUrl: string, allowPrivate: boolean, resolve = true): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL';
  if (url.username || url.password) return 'must not contain credentials';
  if (allowPrivate) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'targets a loopback address';
  if (isIP(host)) return isPrivateAddress(host) ? 'targets a loopback, link-local or private address' : undefined;
  if (!resolve) return undefined;
  try {
    const addresses = await lookup(host, { all: true });
    if (addresses.some((a) => isPrivateAddress(a.address))) return 'resolves to a loopback, link-local or private address';
  } catch {
    return 'host name does not resolve';
  }
  return undefined;
}
