import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompaniesModule } from '@tollgate/companies';
import { dropStack, startApi, type RunningApi } from '../support/apps';
import { bearer, createAccount, http, issueToken } from '../support/client';
import { testConfig } from '../support/test-config';

/** Issue 11: one stored name with U+FFFE must not make XML lists unreadable. */
const config = testConfig();
let api: RunningApi;
let token: string;

/** Parses with Python's expat, a strict XML 1.0 parser: `ok`, or expat's error. */
function expat(xml: string): string {
  const run = spawnSync(
    'python3',
    [
      '-c',
      'import sys, xml.dom.minidom as m\ntry:\n m.parseString(sys.stdin.buffer.read()); print("ok")\nexcept Exception as e:\n print(e)',
    ],
    { input: Buffer.from(xml, 'utf8'), encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return run.stdout.trim();
}

beforeAll(async () => {
  api = await startApi(config, { imports: [CompaniesModule] });
  const account = await createAccount(api.url, config, { name: 'xml-output', scopes: ['data:read', 'data:write'] });
  token = await issueToken(api.url, account);
});
afterAll(async () => {
  await api?.close();
  await dropStack(config);
});

describe('XML lists', () => {
  it('stay well-formed when a stored name holds U+FFFE, U+FFFF, a lone surrogate or a control character', async () => {
    // Written as JSON escapes: JSON.stringify would keep them, and so does the store.
    const body = '{"name":"Bad \\ufffe\\uffff\\ud800\\u0001 & <Co>","domain":"xml-bad-chars.example"}';
    const created = await http(`${api.url}/api/v1/companies`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body,
    });
    expect(created.status).toBe(201);
    expect(expat('<a>\uFFFE</a>')).not.toBe('ok'); // the checker does catch the defect
    const list = await http(`${api.url}/api/v1/companies?name=Bad`, {
      headers: { ...bearer(token), accept: 'application/xml' },
    });
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(expat(list.text)).toBe('ok');
    // The store itself turns a lone surrogate into U+FFFD (UTF-8 cannot carry one); that one is legal XML.
    expect(list.text).toMatch(/<name>Bad \uFFFD? &amp; &lt;Co&gt;<\/name>/u);
    const one = await http(`${api.url}/api/v1/companies/${created.body.id}`, {
      headers: { ...bearer(token), accept: 'application/xml' },
    });
    expect(expat(one.text)).toBe('ok');
  });
});
