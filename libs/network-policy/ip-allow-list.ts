import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** At most this many entries in one account's allow list: it is checked on every request. */
export const MAX_ALLOWED_IPS = 100;

type Block = [ipaddr.IPv4 | ipaddr.IPv6, number];

/**
 * Client addresses whose decision one allow list keeps: an account's clients come from a few egress
 * addresses, and a process may hold copies of many accounts, so the bound is small.
 */
const DECISIONS_KEPT = 64;

/**
 * An account's `allowedIps`, parsed once: IPv4 and IPv6 addresses and CIDR blocks. Empty allows any
 * address. A client address in IPv4-mapped IPv6 form (`::ffff:203.0.113.9`, what a dual-stack socket
 * reports for an IPv4 peer) is matched as the IPv4 address it carries, so IPv4 rules hold on any
 * listener; IPv6 rules never match an IPv4 client.
 */
export class IpAllowList {
  /**
   * Decisions by client address, since a list is checked on every request and its clients come from
   * few addresses (parsing one costs more than the rest of the check). The list never changes (a new
   * one is built for a changed account), so a decision stays right; bounded, and emptied when full
   * (a client rotating addresses only costs the parse it would cost anyway).
   */
  private readonly decided = new Map<string, boolean>();

  private constructor(private readonly blocks: Block[]) {}

  /** From entries already normalised by {@link normaliseAllowedIps} (what accounts store). */
  static of(entries: readonly string[]): IpAllowList {
    return new IpAllowList(entries.map(parseEntry).filter((b): b is Block => b !== undefined));
  }

  get isOpen(): boolean {
    return this.blocks.length === 0;
  }

  allows(address: string | undefined): boolean {
    if (this.isOpen) return true;
    if (!address) return false;
    let allowed = this.decided.get(address);
    if (allowed === undefined) {
      allowed = this.matches(address);
      if (this.decided.size >= DECISIONS_KEPT) this.decided.clear();
      this.decided.set(address, allowed);
    }
    return allowed;
  }

  private matches(address: string): boolean {
    const ip = clientAddress(address);
    if (!ip) return false;
    for (const [range, bits] of this.blocks) if (range.kind() === ip.kind() && ip.match(range, bits)) return true;
    return false;
  }
}

/**
 * Checks and normalises an allow list as an operator wrote it: each entry an address or a CIDR block,
 * written back in one form (`203.0.113.0/24` for `203.0.113.77/24`, IPv6 compressed and lower case,
 * IPv4-mapped IPv6 as IPv4), duplicates dropped. Returns the entries, or the problems (each naming
 * the entry) when any entry is not an address or a block.
 */
export function normaliseAllowedIps(entries: readonly unknown[]): { entries: string[] } | { problems: string[] } {
  const problems: string[] = [];
  const out: string[] = [];
  for (const entry of entries) {
    const normal = typeof entry === 'string' ? normaliseEntry(entry) : undefined;
    if (normal === undefined) {
      problems.push(
        `allowedIps entry ${JSON.stringify(String(entry).slice(0, 60))} is not an IPv4 or IPv6 address or CIDR block`,
      );
    } else if (!out.includes(normal)) out.push(normal);
  }
  return problems.length ? { problems } : { entries: out };
}

function normaliseEntry(raw: string): string | undefined {
  const [address, bits, extra] = raw.trim().split('/');
  // node:net's isIP takes only the standard textual forms (no `0x7f.1`, no `127.1`), unlike ipaddr.js.
  const family = isIP(address ?? '');
  if (!family || extra !== undefined) return undefined;
  if (bits !== undefined && !/^\d{1,3}$/.test(bits)) return undefined;
  let ip: ipaddr.IPv4 | ipaddr.IPv6 = ipaddr.parse(address);
  let prefix = bits === undefined ? (family === 4 ? 32 : 128) : Number(bits);
  if (prefix > (family === 4 ? 32 : 128)) return undefined;
  if (ip instanceof ipaddr.IPv6 && ip.isIPv4MappedAddress() && prefix >= 96) {
    ip = ip.toIPv4Address();
    prefix -= 96;
  }
  const full = ip.kind() === 'ipv4' ? 32 : 128;
  return prefix === full ? ip.toString() : `${networkAddress(ip, prefix)}/${prefix}`;
}

/** The first address of the block (host bits cleared). */
function networkAddress(ip: ipaddr.IPv4 | ipaddr.IPv6, prefix: number): string {
  const bytes = ip.toByteArray();
  for (let i = 0; i < bytes.length; i++) {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    bytes[i] &= keep === 0 ? 0 : (0xff << (8 - keep)) & 0xff;
  }
  return ipaddr.fromByteArray(bytes).toString();
}

function parseEntry(entry: string): Block | undefined {
  try {
    if (entry.includes('/')) return ipaddr.parseCIDR(entry);
    const ip = ipaddr.parse(entry);
    return [ip, ip.kind() === 'ipv4' ? 32 : 128];
  } catch {
    return undefined;
  }
}

function clientAddress(address: string | undefined): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (!address || !isIP(address)) return undefined;
  const ip = ipaddr.parse(address);
  return ip instanceof ipaddr.IPv6 && ip.isIPv4MappedAddress() ? ip.toIPv4Address() : ip;
}
