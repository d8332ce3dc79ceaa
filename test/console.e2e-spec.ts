import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropStack,
  startApi,
  startWorker,
  waitForUsageDrained,
  type RunningApi,
  type RunningWorker,
} from './support/apps';
import { bearer, createAccount, http, issueToken, operator } from './support/client';
import { sibling, testConfig } from './support/test-config';

/**
 * Issue 18: the operator console in a real browser (Debian's chromium, which scripts/test.sh
 * installs when missing), against the real api and worker: sign in, create an account and find it
 * in the list, a validation message beside the field for a bad limit, requests made with a token
 * showing in the usage chart, a viewer who sees everything and can change nothing, sign out. Every
 * page is checked with axe-core (no serious or critical violation), under the content security
 * policy (no violation, no script error). Screenshots of the list and the account page go to
 * .local/console-screenshots (and to docs/ with UPDATE_SCREENSHOTS=1, for the README).
 */
const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(__dirname, '..');
const SHOTS = resolve(ROOT, '.local/console-screenshots');
const AXE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const config = testConfig();
let api: RunningApi;
let worker: RunningWorker;
let browser: Browser;
let viewerKey: string;
let clientSecret: string;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: run scripts/test.sh (it installs Debian's chromium) or apt-get install chromium`,
    );
  api = await startApi(config);
  worker = await startWorker(sibling(config, 'worker'));
  const created = await http(`${api.url}/operator/v1/operators`, {
    method: 'POST',
    headers: operator(config),
    json: { name: 'vic', role: 'viewer' },
  });
  viewerKey = created.body.key;
  // Neighbours in the list, one of them busy today, so the list and the overview show something.
  const busy = await createAccount(api.url, config, {
    name: 'bluebird-labs',
    throttle: { limit: 500, periodSeconds: 60 },
    quotas: [{ api: 'companies', period: 'month', limit: 1000 }],
  });
  await createAccount(api.url, config, { name: 'northwind', throttle: { limit: 100, periodSeconds: 300 } });
  const token = await issueToken(api.url, busy);
  for (let i = 0; i < 6; i++) await http(`${api.url}/api/v1/companies?pageSize=1`, { headers: bearer(token) });
  await waitForUsageDrained(config, worker.usageQueue);
  browser = await chromium.launch({
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
  });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await api?.close();
  await dropStack(config);
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // A refused request (the 401 of GET /console/session before signing in) is logged by the browser; it is expected.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
      problems.push(`console: ${msg.text()}`);
  });
  await page.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
  });
  return { context, page };
}

/** axe-core on the page as it is: the serious and critical violations, described. */
async function accessibility(page: Page, name: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's content security policy does not govern.
  await page.evaluate(AXE);
  const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as {
    violations: unknown[];
  };
  return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${name}: ${v.id} (${v.impact}) at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

async function signIn(page: Page, key: string): Promise<void> {
  await page.goto(`${api.url}/console`);
  await page.getByLabel('Operator key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

async function screenshot(page: Page, file: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SHOTS, file), fullPage: true });
  if (process.env.UPDATE_SCREENSHOTS === '1')
    await page.screenshot({ path: resolve(ROOT, 'docs', file), fullPage: true });
}

describe('the operator console in a browser', () => {
  it('an admin signs in, creates an account, sees it in the list, gets a validation message, sees usage in the chart, and signs out', async () => {
    const violations: string[] = [];
    const { context, page } = await newPage();
    await page.goto(`${api.url}/console`);
    await page.getByLabel('Operator key').waitFor();
    violations.push(...(await accessibility(page, 'sign-in')));
    // A wrong key: a clear message, and still the sign-in page.
    await page.getByLabel('Operator key').fill('not-the-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('not valid');

    await signIn(page, config.operatorKey);
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'tollgate-console', httpOnly: true, sameSite: 'Strict', secure: false });
    await page.getByRole('link', { name: 'bluebird-labs' }).waitFor();
    violations.push(...(await accessibility(page, 'overview')));

    await nav(page, 'Accounts');
    await page.getByLabel('Name', { exact: true }).fill('console-acme');
    await page.getByLabel('Requests per period').fill('50');
    await page.getByLabel('Period (seconds)').fill('60');
    await page.getByRole('button', { name: 'Create account' }).click();
    // The secret, once, with a copy button.
    const secretField = page.getByLabel('Client secret', { exact: true });
    await secretField.waitFor();
    clientSecret = await secretField.inputValue();
    expect(clientSecret).toMatch(/^tgs_/);
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    // In the list, with its throttle.
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'console-acme' }) });
    await expect.poll(() => row.innerText()).toContain('50 per 60 s');
    expect(await page.getByRole('row').filter({ hasText: 'bluebird-labs' }).innerText()).toMatch(/\b6$/);
    violations.push(...(await accessibility(page, 'accounts')));
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByLabel('Client secret', { exact: true }).count()).toBe(0);
    await screenshot(page, 'console-accounts.png');

    // A burst window the page does not edit: saving the page keeps it.
    const withBurst = await http(`${api.url}/operator/v1/accounts/console-acme`, {
      method: 'PATCH',
      headers: operator(config),
      json: { throttle: { limit: 50, periodSeconds: 60, burst: { limit: 5, periodSeconds: 1 } } },
    });
    expect(withBurst.status, withBurst.text).toBe(200);
    await row.getByRole('link', { name: 'console-acme' }).click();
    await page.getByRole('heading', { name: /console-acme/ }).waitFor();
    // A bad limit: the API's message beside the field, the field marked invalid.
    await page.getByLabel('Limit (requests per period)').fill('0');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await expect.poll(() => page.locator('#throttle-limit-error').innerText()).toBe('limit must not be less than 1');
    expect(await page.getByLabel('Limit (requests per period)').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Limit (requests per period)').fill('40');
    await page.getByRole('button', { name: 'Save policy' }).click();
    // A write to the store, which the suite's fuzzing may be loading at the same moment: a minute.
    await page.getByText('Policy saved.').waitFor({ timeout: 60_000 });
    const saved = (await http(`${api.url}/operator/v1/accounts/console-acme`, { headers: operator(config) })).body;
    expect(saved.throttle.limit).toBe(40);
    expect(saved.throttle.burst).toEqual({ limit: 5, periodSeconds: 1 });

    // Requests with a token show in the chart once the worker stored them.
    const account = (await http(`${api.url}/operator/v1/accounts/console-acme`, { headers: operator(config) })).body;
    const token = await issueToken(api.url, { clientId: account.clientId, clientSecret });
    for (let i = 0; i < 4; i++)
      expect((await http(`${api.url}/api/v1/companies?pageSize=1`, { headers: bearer(token) })).status).toBe(200);
    await waitForUsageDrained(config, worker.usageQueue);
    await page.reload();
    const chart = page.getByRole('img', { name: /^Usage/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/^Usage: .*4 transactions \(companies 4\)$/);
    expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
    violations.push(...(await accessibility(page, 'account')));
    await screenshot(page, 'console-account.png');
    await page.getByRole('button', { name: 'Show table' }).click();
    const today = new Date().toISOString().slice(0, 10);
    await expect.poll(() => page.getByRole('row', { name: new RegExp(`^${today}`) }).innerText()).toMatch(/4$/);
    violations.push(...(await accessibility(page, 'account (table view)')));

    for (const [link, heading] of [
      ['Alerts', 'Alerts'],
      ['Audit log', 'Audit log'],
      ['Operators', 'Operators'],
    ]) {
      await nav(page, link);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      violations.push(...(await accessibility(page, link)));
    }
    // The audit page shows what was just done, by whom.
    await nav(page, 'Audit log');
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: 'account.update' }).first().innerText())
      .toContain('root');

    // The queue dashboard opens under the same session (admins only).
    const queues = await context.newPage();
    const dashboard = await queues.goto(`${api.url}/operator/queues`);
    expect(dashboard?.status()).toBe(200);
    await queues.close();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.getByText('You are signed out.').waitFor();
    // The session is gone on the server, not only in this browser.
    expect(
      (await fetch(`${api.url}/console/session`, { headers: { cookie: `${cookie.name}=${cookie.value}` } })).status,
    ).toBe(401);
    await context.close();
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('a viewer sees everything and can change nothing', async () => {
    const violations: string[] = [];
    const { context, page } = await newPage();
    await signIn(page, viewerKey);
    expect(await page.getByText('Signed in as').innerText()).toContain('vic (viewer)');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Operators' }).count()).toBe(
      0,
    );
    await nav(page, 'Accounts');
    await page.getByRole('link', { name: 'console-acme' }).click();
    await page.getByRole('img', { name: /^Usage/ }).waitFor();
    violations.push(...(await accessibility(page, 'account (viewer)')));
    for (const name of ['Save policy', 'Rotate secret', 'Unlock', 'Disable', 'Delete account', 'Revoke all tokens']) {
      expect(await page.getByRole('button', { name, exact: true }).isDisabled(), name).toBe(true);
    }
    expect(await page.getByLabel('Limit (requests per period)').isDisabled()).toBe(true);
    // Even its own session, used directly, changes nothing: the API refuses.
    const refused = await page.evaluate(async () => {
      const session = (await (await fetch('/console/session')).json()) as { csrfToken: string };
      const res = await fetch('/operator/v1/accounts/console-acme', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ maxActiveTokens: 99 }),
      });
      const queue = await fetch('/operator/queues/api/queues');
      return [res.status, ((await res.json()) as { error: string }).error, queue.status];
    });
    expect(refused).toEqual([403, 'forbidden', 403]);
    expect(
      (await http(`${api.url}/operator/v1/accounts/console-acme`, { headers: operator(config) })).body.maxActiveTokens,
    ).toBe(10);
    await nav(page, 'Accounts');
    expect(await page.getByRole('button', { name: 'Create account' }).count()).toBe(0);
    await page.getByText('You are a viewer').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await context.close();
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);
});
