import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** IANA's global unicast block: IPv6 outside it (`::a.b.c.d`, site-local `fec0::/10`, unassigned space) is never a public host. */
const IPV6_GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/**
 * True only for a public unicast address. A webhook must not reach loopback, link-local (cloud
 * metadata lives at 169.254.169.254), private, CGNAT, reserved, multicast or broadcast addresses,
 * nor an IPv6 form that carries an IPv4 address through a translator or tunnel (NAT64
 * `64:ff9b::/96`, 6to4 `2002::/16`, Teredo `2001::/32`, SIIT `::ffff:0:a.b.c.d`); otherwise a
 * customer could point alerts at our own infrastructure (SSRF). The classification is ipaddr.js's
 * `range()`, a maintained table of the IANA special-purpose registries, not a list kept by hand.
 * An IPv4-mapped address (`::ffff:a.b.c.d`, which the OS connects as IPv4) is judged as its IPv4.
 */
export function isPublicUnicastAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return ipaddr.IPv4.parse(ip).range() === 'unicast';
  if (family !== 6) return false;
  // ipaddr.js reads any dotted tail as IPv4-mapped (`::8.8.8.8` becomes `::ffff:8.8.8.8`), so the
  // address is first written in hexadecimal groups by the URL parser, the one Node connects with.
  let v6: ipaddr.IPv6;
  try {
    v6 = ipaddr.IPv6.parse(new URL(`http://[${ip}]/`).hostname.slice(1, -1));
  } catch {
    return false; // a zone id (`fe80::1%eth0`) or another form no URL can carry
  }
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().range() === 'unicast';
  return v6.match(IPV6_GLOBAL_UNICAST) && v6.range() === 'unicast';
}

/** Anything that is not a public unicast address (kept under its old name for callers). */
export function isPrivateAddress(ip: string): boolean {
  return isIP(ip) !== 0 && !isPublicUnicastAddress(ip);
}

/** Why a webhook URL is refused, or undefined when it may be used. Resolves the host name (DNS). */
export async function webhookTargetProblem(
  rawUrl: string,
  allowPrivate: boolean,
  resolve = true,
): Promise<string | undefined> {
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
  if (host === 'localhost' || host.endsWith('.localhost')) return 'targets a loopback, link-local or private address';
  if (isIP(host)) return isPublicUnicastAddress(host) ? undefined : 'targets a loopback, link-local or private address';
  if (!resolve) return undefined;
  try {
    const addresses = await lookup(host, { all: true });
    if (addresses.some((a) => !isPublicUnicastAddress(a.address)))
      return 'resolves to a loopback, link-local or private address';
  } catch {
    return 'host name does not resolve';
  }
  return undefined;
}
