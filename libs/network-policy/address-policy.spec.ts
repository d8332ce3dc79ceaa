import { describe, expect, it } from 'vitest';
import { isPrivateAddress, isPublicUnicastAddress, webhookTargetProblem } from './address-policy';

describe('webhook address policy', () => {
  it('refuses loopback, private, link-local, CGNAT, reserved, multicast and broadcast IPv4', () => {
    for (const ip of [
      '127.0.0.1',
      '127.255.0.9',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '192.0.0.1',
      '192.0.2.1',
      '198.18.0.1',
      '198.51.100.1',
      '203.0.113.5',
      '224.0.0.1',
      '240.0.0.1',
      '255.255.255.255',
    ])
      expect(isPublicUnicastAddress(ip), ip).toBe(false);
  });

  it('refuses IPv6 loopback, local, multicast and every transition form that embeds an IPv4 address', () => {
    for (const ip of [
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
      '::ffff:169.254.169.254', // IPv4-mapped
      '::127.0.0.1',
      '::7f00:1',
      '::8.8.8.8', // IPv4-compatible (deprecated ::/96)
      '::ffff:0:127.0.0.1',
      '::ffff:0:8.8.8.8', // SIIT (RFC 6145)
      '64:ff9b::7f00:1',
      '64:ff9b::8.8.8.8',
      '64:ff9b:1::a00:1', // NAT64 (RFC 6052, RFC 8215)
      '2002:7f00:1::1',
      '2002:808:808::1', // 6to4
      '2001::1',
      '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
      'fec0::1',
      'feff::1', // site-local (deprecated)
      '2001:db8::1',
      '100::1',
      '4000::1',
      '5f00::1', // documentation, discard, outside global unicast
    ])
      expect(isPublicUnicastAddress(ip), ip).toBe(false);
  });

  it('accepts public unicast addresses, an IPv4-mapped public one included', () => {
    for (const ip of [
      '8.8.8.8',
      '1.1.1.1',
      '93.184.215.14',
      '2606:4700::1111',
      '2a00:1450:4007:80f::200e',
      '::ffff:8.8.8.8',
    ])
      expect(isPublicUnicastAddress(ip), ip).toBe(true);
    expect(isPublicUnicastAddress('not-an-ip')).toBe(false);
    expect(isPublicUnicastAddress('fe80::1%eth0')).toBe(false);
    expect(isPrivateAddress('::127.0.0.1')).toBe(true);
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
  });

  it('refuses non-public targets in URLs, in every spelling the URL parser accepts, unless allowed', async () => {
    for (const url of [
      'http://127.0.0.1:9000/hook',
      'http://localhost/hook',
      'http://[::1]/hook',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://017700000001/',
      'http://[::127.0.0.1]/',
      'http://[::ffff:0:127.0.0.1]/',
      'http://[64:ff9b::7f00:1]/',
      'http://[2002:7f00:1::1]/',
      'http://[2001::1]/',
      'http://[fec0::1]/',
      'http://[::ffff:169.254.169.254]/latest',
    ])
      expect(await webhookTargetProblem(url, false), url).toMatch(/loopback, link-local or private/);
    expect(await webhookTargetProblem('http://127.0.0.1:9000/hook', true)).toBeUndefined();
    expect(await webhookTargetProblem('https://93.184.215.14/hook', false)).toBeUndefined();
    expect(await webhookTargetProblem('https://[2606:4700::1111]/hook', false)).toBeUndefined();
    expect(await webhookTargetProblem('ftp://x/hook', false)).toMatch(/http/);
    expect(await webhookTargetProblem('https://u:p@93.184.215.14/', false)).toMatch(/credentials/);
  });
});

describe('guardedLookup', () => {
  it('refuses private answers unless allowed, so a rebound name cannot reach them', async () => {
    const { guardedLookup } = await import('./guarded-post');
    const run = (allow: boolean) =>
      new Promise<string>((resolve) =>
        guardedLookup(allow)('localhost', { family: 4 }, (err, address) =>
          resolve(err ? (err as NodeJS.ErrnoException).code! : String(address)),
        ),
      );
    expect(await run(false)).toBe('EPRIVATE');
    expect(await run(true)).toBe('127.0.0.1');
  });
});
