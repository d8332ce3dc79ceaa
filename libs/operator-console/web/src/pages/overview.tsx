import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorNotice } from '../components/notice';
import type { DayTotals, Session } from '../types';

/** Today at a glance: the busiest accounts, and where to look next. */
export function Overview({ session }: { session: Session }) {
  const [totals, setTotals] = useState<DayTotals | null>(null);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api<DayTotals>('GET', '/operator/v1/usage/day?limit=10').then(setTotals, setError);
  }, []);
  return (
    <>
      <h1>Overview</h1>
      <ErrorNotice error={error} />
      <section aria-labelledby="busiest-title">
        <h2 id="busiest-title">Busiest accounts today{totals ? ` (${totals.day}, UTC)` : ''}</h2>
        {totals && !totals.items.length ? <p>No transactions recorded today yet.</p> : null}
        {totals && totals.items.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col" class="num">
                  Transactions today
                </th>
                <th scope="col">By API</th>
              </tr>
            </thead>
            <tbody>
              {totals.items.map((t) => (
                <tr key={t.accountId}>
                  <th scope="row">
                    {t.name ? <a href={`#/accounts/${encodeURIComponent(t.name)}`}>{t.name}</a> : t.accountId}
                  </th>
                  <td class="num">{t.transactions}</td>
                  <td>{t.apis.map((a) => `${a.api} ${a.transactions}`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <section aria-labelledby="more-title">
        <h2 id="more-title">More</h2>
        <ul>
          <li>
            <a href="#/accounts">Accounts</a>: search, create, change policies
          </li>
          <li>
            <a href="#/alerts">Alerts</a>: throttling and quota warnings
          </li>
          <li>
            <a href="#/audit">Audit log</a>: who changed what
          </li>
          {session.operator.role === 'admin' ? (
            <li>
              <a href="/operator/queues" target="_blank" rel="noopener">
                Queue dashboard
              </a>{' '}
              (opens in a new tab)
            </li>
          ) : null}
        </ul>
      </section>
    </>
  );
}
