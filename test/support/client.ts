import type { TollgateConfig } from '@tollgate/config';
import { checkResponseAgainstContract } from './contract';

export interface Res<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/**
 * A small HTTP client over fetch: JSON in, JSON (or text) out. Every response is checked against the
 * OpenAPI document the API serves (./contract.ts): one the document does not describe throws, and so
 * fails the test that received it.
 */
export async function http<T = any>(
  url: string,
  init: RequestInit & { json?: unknown; form?: Record<string, string> } = {},
): Promise<Res<T>> {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  } else if (init.form) {
    headers.set('content-type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(init.form).toString();
  }
  const res = await fetch(url, { ...init, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
  const received = { status: res.status, headers: res.headers, body: parsed as T, text };
  await checkResponseAgainstContract(url, init.method ?? 'GET', received);
  return received;
}

export interface TestAccount {
  accountId: string;
  name: string;
  clientId: string;
  clientSecret: string;
}

/** Creates an account through the operator API. */
export async function createAccount(
  base: string,
  config: TollgateConfig,
  body: Record<string, unknown>,
): Promise<TestAccount> {
  const res = await http(`${base}/operator/v1/accounts`, {
    method: 'POST',
    headers: { 'x-operator-key': config.operatorKey },
    json: body,
  });
  if (res.status !== 201) throw new Error(`create account failed: ${res.status} ${res.text}`);
  return res.body as TestAccount;
}

/** Client-credentials token via HTTP Basic. */
export async function issueToken(
  base: string,
  account: Pick<TestAccount, 'clientId' | 'clientSecret'>,
  scope?: string,
): Promise<string> {
  const res = await http(`${base}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(account.clientId)}:${encodeURIComponent(account.clientSecret)}`).toString('base64')}`,
    },
    form: { grant_type: 'client_credentials', ...(scope ? { scope } : {}) },
  });
  if (res.status !== 200) throw new Error(`token failed: ${res.status} ${res.text}`);
  return res.body.access_token as string;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const operator = (config: TollgateConfig) => ({ 'x-operator-key': config.operatorKey });
