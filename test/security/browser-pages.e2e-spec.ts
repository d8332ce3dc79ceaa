import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropStack, startApi, type RunningApi } from '../support/apps';
import { testConfig } from '../support/test-config';

/**
 * Issue 11: the security headers' content security policy must keep Swagger UI (/docs) and the
 * queue dashboard (/operator/queues) working. Checked in a real browser (Debian's chromium, which
 * scripts/test.sh installs when missing): the page renders its content and the console reports no
 * CSP violation and no script error.
 */
const CHROMIUM = '/usr/bin/chromium';
const config = testConfig();
let api: RunningApi;
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: run scripts/test.sh (it installs Debian's chromium) or apt-get install chromium`,
    );
  api = await startApi(config);
  profile = mkdtempSync(join(tmpdir(), 'tollgate-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // The dashboard takes the operator key as the HTTP Basic password; it never goes in a URL.
    httpCredentials: { username: 'operator', password: config.operatorKey, origin: api.url },
  });
});
afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await api?.close();
  await dropStack(config);
});

/** Opens `path`, collecting console errors, CSP violations reported to the page, and uncaught script errors. */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  await page.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
  });
  const res = await page.goto(`${api.url}${path}`, { waitUntil: 'load' });
  expect(res?.status()).toBe(200);
  expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  return { page, problems };
}

describe('pages behind the content security policy', () => {
  it('Swagger UI at /docs renders the operation list', async () => {
    const { page, problems } = await open('/docs');
    await page.waitForSelector('.opblock', { timeout: 20_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
    await expect.poll(() => page.locator('.opblock-summary-path').allInnerTexts()).toContain('/api/v1/companies');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the queue dashboard at /operator/queues renders the queue list', async () => {
    const { page, problems } = await open('/operator/queues');
    for (const queue of ['usage', 'alerts'])
      await page.getByText(queue, { exact: true }).first().waitFor({ timeout: 20_000 });
    expect(problems).toEqual([]);
    await page.close();
  });
});
