import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api';
import { when } from '../dates';
import { Field } from '../components/field';
import { ErrorNotice } from '../components/notice';
import { Pager } from '../components/pager';
import type { AuditEntry, Page } from '../types';
import { ScrollRegion } from '../components/scroll-region';

const show = (value: unknown): string =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** The audit log: who changed what, newest first; never a secret's value. */
export function Audit({ initial }: { initial: Record<string, string> }) {
  const start = {
    account: initial.account ?? '',
    actor: initial.actor ?? '',
    action: initial.action ?? '',
    since: initial.since ?? '',
  };
  const [filters, setFilters] = useState(start);
  const [applied, setApplied] = useState(start);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<Page<AuditEntry> | null>(null);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api<Page<AuditEntry>>('GET', `/operator/v1/audit${query({ ...applied, page, pageSize: 50 })}`).then(
      (r) => (setResult(r), setError(undefined)),
      setError,
    );
  }, [applied, page]);
  const set = (field: keyof typeof filters) => (e: Event) =>
    setFilters({ ...filters, [field]: (e.currentTarget as HTMLInputElement).value.trim() });
  return (
    <>
      <h1>Audit log</h1>
      <form class="filters" role="search" onSubmit={(e) => (e.preventDefault(), setPage(1), setApplied(filters))}>
        <Field id="audit-account" label="Account (name or id)">
          <input id="audit-account" value={filters.account} onInput={set('account')} />
        </Field>
        <Field id="audit-actor" label="Who">
          <input id="audit-actor" value={filters.actor} onInput={set('actor')} />
        </Field>
        <Field id="audit-action" label="Action (e.g. account.update)">
          <input id="audit-action" value={filters.action} onInput={set('action')} />
        </Field>
        <Field id="audit-since" label="Since (YYYY-MM-DD)">
          <input id="audit-since" value={filters.since} onInput={set('since')} />
        </Field>
        <button type="submit">Filter</button>
      </form>
      <ErrorNotice error={error} />
      {result ? (
        <>
          {result.items.length ? (
            <ScrollRegion label="Audit entries">
              <table>
                <caption class="sr-only">Audit entries, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">Target</th>
                    <th scope="col">Changes</th>
                    <th scope="col">Request</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((e) => (
                    <tr key={e.id}>
                      <th scope="row">{when(e.at)}</th>
                      <td>{e.actor}</td>
                      <td>{e.action}</td>
                      <td>
                        {e.target.type} {e.target.name ?? e.target.id ?? ''}
                        {e.accountName && e.accountName !== e.target.name ? ` (${e.accountName})` : ''}
                      </td>
                      <td>
                        {e.changes.length ? (
                          <ul class="changes">
                            {e.changes.map((c) => (
                              <li key={c.field}>
                                <strong>{c.field}</strong>: {show(c.before)} → {show(c.after)}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                        {e.detail ? <span class="muted">{show(e.detail)}</span> : null}
                      </td>
                      <td>
                        <code>{e.requestId ?? '—'}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          ) : (
            <p>No entries match.</p>
          )}
          <Pager label="Audit log" page={result.page} hasNext={!!result.nextPage} onPage={setPage} />
        </>
      ) : null}
    </>
  );
}
