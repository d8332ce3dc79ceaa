import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api';
import { when } from '../dates';
import { Field } from '../components/field';
import { ErrorNotice } from '../components/notice';
import { Pager } from '../components/pager';
import type { Alert, Page } from '../types';
import { ScrollRegion } from '../components/scroll-region';

const TYPES = [
  'throttle.warning',
  'throttle.lockout',
  'quota.warning',
  'quota.exceeded',
  'credits.warning',
  'credits.exhausted',
];

/** Alerts of every account or of one, newest first, filtered as the operator API filters them. */
export function Alerts() {
  const [filters, setFilters] = useState({ account: '', type: '', since: '' });
  const [applied, setApplied] = useState(filters);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<Page<Alert> | null>(null);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api<Page<Alert>>('GET', `/operator/v1/alerts${query({ ...applied, page, pageSize: 50 })}`).then(
      (r) => (setResult(r), setError(undefined)),
      setError,
    );
  }, [applied, page]);
  const set = (field: keyof typeof filters) => (e: Event) =>
    setFilters({ ...filters, [field]: (e.currentTarget as HTMLInputElement).value.trim() });
  return (
    <>
      <h1>Alerts</h1>
      <form class="filters" role="search" onSubmit={(e) => (e.preventDefault(), setPage(1), setApplied(filters))}>
        <Field id="alert-account" label="Account (name or id)">
          <input id="alert-account" value={filters.account} onInput={set('account')} />
        </Field>
        <Field id="alert-type" label="Type">
          <select id="alert-type" value={filters.type} onChange={set('type')}>
            <option value="">any</option>
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </Field>
        <Field id="alert-since" label="Since (YYYY-MM-DD)">
          <input id="alert-since" value={filters.since} onInput={set('since')} />
        </Field>
        <button type="submit">Filter</button>
      </form>
      <ErrorNotice error={error} />
      {result ? (
        <>
          {result.items.length ? (
            <ScrollRegion label="Alerts">
              <table>
                <caption class="sr-only">Alerts, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Type</th>
                    <th scope="col">Account</th>
                    <th scope="col">API</th>
                    <th scope="col" class="num">
                      Count / limit
                    </th>
                    <th scope="col">Period</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">{when(a.at)}</th>
                      <td>{a.type}</td>
                      <td>
                        <code>{a.accountId}</code>
                      </td>
                      <td>{a.api ?? '—'}</td>
                      <td class="num">
                        {a.count ?? '—'} / {a.limit ?? '—'}
                      </td>
                      <td>{a.period}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          ) : (
            <p>No alerts match.</p>
          )}
          <Pager label="Alerts" page={result.page} hasNext={!!result.nextPage} onPage={setPage} />
        </>
      ) : null}
    </>
  );
}
