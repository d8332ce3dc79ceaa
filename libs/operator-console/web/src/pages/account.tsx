import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, enc, query } from '../api';
import { lastDays, when } from '../dates';
import { described, Field } from '../components/field';
import { ErrorNotice, Notice } from '../components/notice';
import { SecretOnce } from '../components/secret-once';
import { UsageChart } from '../components/usage-chart';
import type { Account, Quota, Session, TokenSummary, UsageReport } from '../types';

const DAYS = 30;

/** One account: usage, quotas, policy, secrets, live tokens, and the actions an admin may take. */
export function AccountPage({ name, session }: { name: string; session: Session }) {
  const [account, setAccount] = useState<Account | null>(null);
  const [error, setError] = useState<unknown>();
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion(version + 1);
  const admin = session.operator.role === 'admin';

  useEffect(() => {
    api<Account>('GET', `/operator/v1/accounts/${enc(name)}`).then(
      (a) => (setAccount(a), setError(undefined)),
      setError,
    );
  }, [name, version]);

  if (!account) return error ? <ErrorNotice error={error} /> : <p role="status">Loading {name}…</p>;
  return (
    <>
      <p class="breadcrumb">
        <a href="#/accounts">Accounts</a> / {account.name}
      </p>
      <h1>
        {account.name} <span class={`badge badge-${account.status}`}>{account.status}</span>
      </h1>
      <dl class="facts">
        <dt>Account ID</dt>
        <dd>
          <code>{account.accountId}</code>
        </dd>
        <dt>Client ID</dt>
        <dd>
          <code>{account.clientId}</code>
        </dd>
        <dt>Created</dt>
        <dd>{when(account.createdAt)}</dd>
        <dt>Changed</dt>
        <dd>{when(account.updatedAt)}</dd>
      </dl>
      {!admin ? <p class="muted">You are a viewer: you can look at everything but change nothing.</p> : null}
      <ErrorNotice error={error} />
      <Actions account={account} admin={admin} onChanged={refresh} />
      <Usage account={account} today={session.today} version={version} />
      <Policy key={account.updatedAt} account={account} admin={admin} onSaved={refresh} />
      <Secrets account={account} admin={admin} onRotated={refresh} />
      <Tokens account={account} admin={admin} version={version} onChanged={refresh} />
      <p>
        <a href={`#/audit?account=${enc(account.name)}`}>Changes to {account.name} in the audit log</a>
      </p>
    </>
  );
}

function Actions({ account, admin, onChanged }: { account: Account; admin: boolean; onChanged: () => void }) {
  const [message, setMessage] = useState<string | undefined>();
  const [error, setError] = useState<unknown>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const run = async (what: () => Promise<string>) => {
    setError(undefined);
    setMessage(undefined);
    try {
      setMessage(await what());
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  const path = `/operator/v1/accounts/${enc(account.accountId)}`;
  const unlock = () =>
    run(async () => `Lifted ${(await api<{ lifted: number }>('POST', `${path}/unlock`)).lifted} lockouts.`);
  const toggle = () =>
    run(
      async () =>
        `Account ${(await api<Account>('PATCH', path, { status: account.status === 'active' ? 'disabled' : 'active' })).status}.`,
    );
  const remove = () =>
    run(async () => {
      await api('DELETE', path);
      location.hash = '#/accounts';
      return 'Account deleted.';
    });
  return (
    <section aria-labelledby="actions-title" class="card">
      <h2 id="actions-title">Actions</h2>
      <div class="row">
        <button type="button" disabled={!admin} onClick={unlock}>
          Unlock
        </button>
        <button type="button" disabled={!admin} onClick={toggle}>
          {account.status === 'active' ? 'Disable' : 'Enable'}
        </button>
        {confirmDelete ? (
          <>
            <span>Delete {account.name} for good? Its tokens end at once and its name is never reused.</span>
            <button type="button" class="danger" onClick={remove}>
              Delete for good
            </button>
            <button type="button" class="secondary" onClick={() => setConfirmDelete(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" class="danger" disabled={!admin} onClick={() => setConfirmDelete(true)}>
            Delete account
          </button>
        )}
      </div>
      {message ? <Notice kind="ok">{message}</Notice> : null}
      <ErrorNotice error={error} />
    </section>
  );
}

function Usage({ account, today, version }: { account: Account; today: string; version: number }) {
  const [daily, setDaily] = useState<UsageReport | null>(null);
  const [monthly, setMonthly] = useState<UsageReport | null>(null);
  const [error, setError] = useState<unknown>();
  const days = lastDays(today, DAYS);
  useEffect(() => {
    const base = `/operator/v1/accounts/${enc(account.accountId)}/usage`;
    Promise.all([
      api<UsageReport>('GET', `${base}${query({ period: 'day', start: days[0], end: today })}`),
      api<UsageReport>('GET', `${base}${query({ period: 'month', start: today.slice(0, 7), end: today.slice(0, 7) })}`),
    ]).then(([d, m]) => (setDaily(d), setMonthly(m)), setError);
  }, [account.accountId, today, version]);
  const apis = [
    ...new Set([...(daily?.usageForAccount ?? []).map((r) => r.api), ...account.quotas.map((q) => q.api)]),
  ].sort();
  const series = apis.map((api) => ({
    api,
    values: days.map((d) => daily?.usageForAccount.find((r) => r.api === api && r.date === d)?.transactions ?? 0),
  }));
  const used = (q: Quota) =>
    (q.period === 'month'
      ? monthly?.usageForAccount.find((r) => r.api === q.api)?.transactions
      : daily?.usageForAccount.find((r) => r.api === q.api && r.date === today)?.transactions) ?? 0;
  const credits = monthly?.creditsForAccount[0];
  return (
    <section aria-labelledby="usage-title" class="card">
      <h2 id="usage-title">Usage</h2>
      <ErrorNotice error={error} />
      {daily ? (
        <UsageChart
          title={`transactions of ${account.name} per API per day, last ${DAYS} days`}
          days={days}
          series={series}
        />
      ) : (
        <p role="status">Loading usage…</p>
      )}
      <h3>This month ({today.slice(0, 7)})</h3>
      {credits ? (
        <p>
          Credits: {credits.consumedCredits} used
          {credits.allocatedCredits !== null
            ? ` of ${credits.allocatedCredits} allocated`
            : ' (no monthly quota allocates any)'}
          .
        </p>
      ) : null}
      {account.quotas.length ? (
        <table>
          <caption>Quota use against the limit</caption>
          <thead>
            <tr>
              <th scope="col">API</th>
              <th scope="col">Period</th>
              <th scope="col" class="num">
                Used
              </th>
              <th scope="col" class="num">
                Limit
              </th>
              <th scope="col">Use</th>
              <th scope="col">Enforcement</th>
            </tr>
          </thead>
          <tbody>
            {account.quotas.map((q, i) => (
              <tr key={i}>
                <th scope="row">{q.api}</th>
                <td>{q.period === 'month' ? 'this month' : 'today'}</td>
                <td class="num">{used(q)}</td>
                <td class="num">{q.limit}</td>
                <td>
                  <meter
                    min={0}
                    max={q.limit}
                    value={Math.min(used(q), q.limit)}
                    aria-label={`${q.api} ${q.period} quota: ${used(q)} of ${q.limit}`}
                  />{' '}
                  {Math.round((100 * used(q)) / q.limit)}%
                </td>
                <td>{q.enforce}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No quotas: only the throttle limits this account.</p>
      )}
    </section>
  );
}

interface QuotaRow {
  api: string;
  period: string;
  limit: string;
  enforce: string;
}

const num = (s: string): number | null => (s.trim() === '' ? null : Number(s));
const list = (s: string): string[] => s.split(/[\s,]+/).filter(Boolean);

function Policy({ account, admin, onSaved }: { account: Account; admin: boolean; onSaved: () => void }) {
  const t = account.throttle;
  const [form, setForm] = useState({
    limit: String(t.limit),
    periodSeconds: String(t.periodSeconds),
    lockoutSeconds: String(t.lockoutSeconds),
    scope: t.scope,
    tokenTtlSeconds: String(account.tokenTtlSeconds),
    maxActiveTokens: String(account.maxActiveTokens),
    scopes: account.scopes.join(' '),
    allowedOrigins: account.allowedOrigins.join(' '),
    alertWebhookUrl: account.alertWebhookUrl ?? '',
  });
  const [quotas, setQuotas] = useState<QuotaRow[]>(
    account.quotas.map((q) => ({ api: q.api, period: q.period, limit: String(q.limit), enforce: q.enforce })),
  );
  const [error, setError] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState(false);
  const set = (field: keyof typeof form) => (e: Event) =>
    setForm({ ...form, [field]: (e.currentTarget as HTMLInputElement).value });
  const setQuota = (i: number, field: keyof QuotaRow) => (e: Event) =>
    setQuotas(quotas.map((q, j) => (j === i ? { ...q, [field]: (e.currentTarget as HTMLInputElement).value } : q)));

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await api('PATCH', `/operator/v1/accounts/${enc(account.accountId)}`, {
        tokenTtlSeconds: num(form.tokenTtlSeconds),
        maxActiveTokens: num(form.maxActiveTokens),
        scopes: list(form.scopes),
        throttle: {
          limit: num(form.limit),
          periodSeconds: num(form.periodSeconds),
          lockoutSeconds: num(form.lockoutSeconds),
          scope: form.scope,
          warnAt: t.warnAt,
          // Not edited here: kept (the API replaces the whole throttle object).
          burst: t.burst ?? null,
          apis: t.apis ?? [],
        },
        quotas: quotas.map((q) => ({ api: q.api.trim(), period: q.period, limit: num(q.limit), enforce: q.enforce })),
        allowedOrigins: list(form.allowedOrigins),
        alertWebhookUrl: form.alertWebhookUrl.trim() || null,
      });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    }
  };
  const problem = (field: string) => error?.problem(field);
  const input = (
    id: string,
    field: keyof typeof form,
    label: string,
    apiField: string,
    hint?: string,
    wide = false,
  ) => (
    <Field id={id} label={label} error={problem(apiField)} hint={hint}>
      <input
        id={id}
        class={wide ? 'wide' : undefined}
        value={form[field]}
        onInput={set(field)}
        disabled={!admin}
        {...described(id, problem(apiField), hint)}
      />
    </Field>
  );
  const listed = new Set([
    'throttle.limit',
    'throttle.periodSeconds',
    'throttle.lockoutSeconds',
    'throttle.scope',
    'tokenTtlSeconds',
    'maxActiveTokens',
    'scopes',
    'allowedOrigins',
    'alertWebhookUrl',
  ]);
  const unplaced = error?.fields.filter((f) => !listed.has(f.field) && !f.field.startsWith('quotas.')) ?? [];

  return (
    <section aria-labelledby="policy-title" class="card">
      <h2 id="policy-title">Policy</h2>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>Throttle (per token)</legend>
          <div class="row">
            {input('throttle-limit', 'limit', 'Limit (requests per period)', 'throttle.limit')}
            {input('throttle-period', 'periodSeconds', 'Period (seconds)', 'throttle.periodSeconds')}
            {input('throttle-lockout', 'lockoutSeconds', 'Lockout (seconds)', 'throttle.lockoutSeconds')}
            <Field id="throttle-scope" label="Lockout applies to" error={problem('throttle.scope')}>
              <select id="throttle-scope" value={form.scope} onChange={set('scope')} disabled={!admin}>
                <option value="account">every token of the account</option>
                <option value="token">the offending token</option>
              </select>
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>Tokens</legend>
          <div class="row">
            {input('token-ttl', 'tokenTtlSeconds', 'Token lifetime (seconds)', 'tokenTtlSeconds')}
            {input('max-tokens', 'maxActiveTokens', 'Live tokens at most', 'maxActiveTokens')}
            {input('scopes', 'scopes', 'Scopes', 'scopes', 'separated by spaces, e.g. data:read data:write', true)}
          </div>
        </fieldset>
        <fieldset>
          <legend>Quotas</legend>
          {quotas.map((q, i) => (
            <div class="row quota" key={i}>
              <Field id={`quota-${i}-api`} label={`Quota ${i + 1}: API`} error={problem(`quotas.${i}.api`)}>
                <input
                  id={`quota-${i}-api`}
                  value={q.api}
                  onInput={setQuota(i, 'api')}
                  disabled={!admin}
                  {...described(`quota-${i}-api`, problem(`quotas.${i}.api`))}
                />
              </Field>
              <Field id={`quota-${i}-period`} label={`Quota ${i + 1}: period`} error={problem(`quotas.${i}.period`)}>
                <select id={`quota-${i}-period`} value={q.period} onChange={setQuota(i, 'period')} disabled={!admin}>
                  <option value="month">month</option>
                  <option value="day">day</option>
                </select>
              </Field>
              <Field id={`quota-${i}-limit`} label={`Quota ${i + 1}: limit`} error={problem(`quotas.${i}.limit`)}>
                <input
                  id={`quota-${i}-limit`}
                  value={q.limit}
                  onInput={setQuota(i, 'limit')}
                  disabled={!admin}
                  {...described(`quota-${i}-limit`, problem(`quotas.${i}.limit`))}
                />
              </Field>
              <Field id={`quota-${i}-enforce`} label={`Quota ${i + 1}: when used up`}>
                <select id={`quota-${i}-enforce`} value={q.enforce} onChange={setQuota(i, 'enforce')} disabled={!admin}>
                  <option value="hard">refuse (429)</option>
                  <option value="alert">alert only</option>
                </select>
              </Field>
              <button
                type="button"
                class="secondary"
                disabled={!admin}
                onClick={() => setQuotas(quotas.filter((_, j) => j !== i))}
              >
                Remove quota {i + 1}
              </button>
            </div>
          ))}
          <button
            type="button"
            class="secondary"
            disabled={!admin}
            onClick={() =>
              setQuotas([...quotas, { api: 'companies', period: 'month', limit: '10000', enforce: 'hard' }])
            }
          >
            Add a quota
          </button>
        </fieldset>
        <fieldset>
          <legend>Browsers and alerts</legend>
          <div class="row">
            {input(
              'origins',
              'allowedOrigins',
              'Allowed origins (CORS)',
              'allowedOrigins',
              'separated by spaces, e.g. https://app.example.com',
              true,
            )}
            {input(
              'webhook',
              'alertWebhookUrl',
              'Alert webhook URL',
              'alertWebhookUrl',
              'https URL of a public host; empty for none',
              true,
            )}
          </div>
        </fieldset>
        {unplaced.length ? <Notice kind="error">{unplaced.map((f) => f.problems.join('; ')).join('; ')}</Notice> : null}
        {error && !error.fields.length ? <ErrorNotice error={error} /> : null}
        {error && error.fields.length ? (
          <Notice kind="error">Not saved: {error.message}. See the messages beside the fields.</Notice>
        ) : null}
        {saved ? <Notice kind="ok">Policy saved.</Notice> : null}
        <button type="submit" disabled={!admin}>
          Save policy
        </button>
      </form>
    </section>
  );
}

function Secrets({ account, admin, onRotated }: { account: Account; admin: boolean; onRotated: () => void }) {
  const [grace, setGrace] = useState('86400');
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const rotate = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const res = await api<{ clientSecret: string }>(
        'POST',
        `/operator/v1/accounts/${enc(account.accountId)}/secrets`,
        { graceSeconds: num(grace) },
      );
      setSecret(res.clientSecret);
      onRotated();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    }
  };
  return (
    <section aria-labelledby="secrets-title" class="card">
      <h2 id="secrets-title">Client secrets</h2>
      <table>
        <caption class="sr-only">Client secrets (values are never shown again)</caption>
        <thead>
          <tr>
            <th scope="col">Secret</th>
            <th scope="col">Created</th>
            <th scope="col">Stops working</th>
          </tr>
        </thead>
        <tbody>
          {account.secrets.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <code>{s.id}</code>
              </th>
              <td>{when(s.createdAt)}</td>
              <td>{s.expiresAt ? when(s.expiresAt) : 'in use'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {secret ? <SecretOnce label="New client secret" value={secret} onDone={() => setSecret(null)} /> : null}
      <form onSubmit={rotate} noValidate class="row">
        <Field id="grace" label="Old secrets keep working for (seconds)" error={error?.problem('graceSeconds')}>
          <input
            id="grace"
            value={grace}
            onInput={(e) => setGrace((e.currentTarget as HTMLInputElement).value)}
            disabled={!admin}
            {...described('grace', error?.problem('graceSeconds'))}
          />
        </Field>
        <button type="submit" disabled={!admin}>
          Rotate secret
        </button>
      </form>
      {error && !error.fields.length ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

function Tokens({
  account,
  admin,
  version,
  onChanged,
}: {
  account: Account;
  admin: boolean;
  version: number;
  onChanged: () => void;
}) {
  const [tokens, setTokens] = useState<TokenSummary[] | null>(null);
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string | undefined>();
  const [confirmAll, setConfirmAll] = useState(false);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    api<{ tokens: TokenSummary[] }>('GET', `/operator/v1/accounts/${enc(account.accountId)}/tokens`).then(
      (r) => setTokens(r.tokens),
      setError,
    );
  }, [account.accountId, version, reload]);
  const act = async (what: () => Promise<string>) => {
    setError(undefined);
    setMessage(undefined);
    try {
      setMessage(await what());
      setReload(reload + 1);
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  const revoke = (tokenId: string) =>
    act(async () => {
      await api('DELETE', `/operator/v1/tokens/${enc(tokenId)}`);
      return `Token ${tokenId} revoked.`;
    });
  const revokeAll = () =>
    act(async () => {
      setConfirmAll(false);
      return `${(await api<{ revoked: number }>('POST', `/operator/v1/accounts/${enc(account.accountId)}/tokens/revoke`)).revoked} tokens revoked.`;
    });
  return (
    <section aria-labelledby="tokens-title" class="card">
      <h2 id="tokens-title">Live tokens</h2>
      {tokens && !tokens.length ? <p>No live tokens.</p> : null}
      {tokens && tokens.length ? (
        <table>
          <caption class="sr-only">Live tokens (their values are never shown)</caption>
          <thead>
            <tr>
              <th scope="col">Token</th>
              <th scope="col">Scopes</th>
              <th scope="col">Issued</th>
              <th scope="col">Expires</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.tokenId}>
                <th scope="row">
                  <code>{t.tokenId}</code>
                </th>
                <td>{t.scopes.join(' ')}</td>
                <td>{when(t.issuedAt)}</td>
                <td>{when(t.expiresAt)}</td>
                <td>
                  <button
                    type="button"
                    class="secondary"
                    disabled={!admin}
                    onClick={() => revoke(t.tokenId)}
                    aria-label={`Revoke token ${t.tokenId}`}
                  >
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div class="row">
        {confirmAll ? (
          <>
            <span>Revoke every token of {account.name}? Its clients must get new ones.</span>
            <button type="button" class="danger" onClick={revokeAll}>
              Revoke all for good
            </button>
            <button type="button" class="secondary" onClick={() => setConfirmAll(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" class="danger" disabled={!admin} onClick={() => setConfirmAll(true)}>
            Revoke all tokens
          </button>
        )}
      </div>
      {message ? <Notice kind="ok">{message}</Notice> : null}
      <ErrorNotice error={error} />
    </section>
  );
}
