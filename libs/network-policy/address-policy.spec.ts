import { describe, expect, it } from 'vitest';
import { isPrivateAddress, webhookTargetProblem } from './address-policy';

describe('webhook address policy', () => {
  it('classifies private, loopback and link-local addresses', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '0.0.0.0'])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '1.1.1.1', '2606:4700::1111']) expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it('refuses private targets unless allowed', async () => {
    expect(await webhookTargetProblem('http://127.0.0.1:9000/hook', false)).toMatch(/loopback/);
    expect(await webhookTargetProblem('http://localhost/hook', false)).toMatch(/loopback/);
    expect(await webhookTargetProblem('http://[::1]/hook', false)).toMatch(/loopback/);
    expect(await webhookTargetProblem('http://127.0.0.1:9000/hook', true)).toBeUndefined();
    expect(await webhookTargetProblem('https://93.184.215.14/hook', false)).toBeUndefined();
    expect(await webhookTargetProblem('ftp://x/hook', false)).toMatch(/http/);
    expect(await webhookTargetProblem('https://u:p@93.184.215.14/', false)).toMatch(/credentials/);
  });
});

describe('guardedLookup', () => {
  it('refuses private answers unless allowed, so a rebound name cannot reach them', async () => {
    const { guardedLookup } = await import('./guarded-post');
    const run = (allow: boolean) =>
      new Promise<string>((resolve) => guardedLookup(allow)('localhost', { family: 4 }, (err, address) => resolve(err ? (err as NodeJS.ErrnoException).code! : String(address))));
    expect(await run(false)).toBe('EPRIVATE');
    expect(await run(true)).toBe('127.0.0.1');
  });
});
