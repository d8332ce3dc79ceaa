import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, query } from '../api';
import { described, Field } from '../components/field';
import { ErrorNotice } from '../components/notice';
import { Pager } from '../components/pager';
import { SecretOnce } from '../components/secret-once';
import type { Account, DayTotals, Page, Session } from '../types';
import { ScrollRegion } from '../components/scroll-region';

const PAGE_SIZE = 20;

/** The account list: by name prefix and status, a page at a time, with today's transactions; and creation. */
export function Accounts({ session }: { session: Session }) {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const [list, setList] = useState<Page<Account> | null>(null);
  const [today, setToday] = useState<Record<string, number>>({});
  const [error, setError] = useState<unknown>();
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const found = await api<Page<Account>>(
          'GET',
          `/operator/v1/accounts${query({ search, status, page, pageSize: PAGE_SIZE })}`,
        );
        const ids = found.items.map((a) => a.accountId);
        const totals = ids.length
          ? await api<DayTotals>('GET', `/operator/v1/usage/day${query({ accounts: ids.join(',') })}`)
          : { items: [] as DayTotals['items'] };
        if (!live) return;
        setList(found);
        setToday(Object.fromEntries(totals.items.map((t) => [t.accountId, t.transactions])));
        setError(undefined);
      } catch (err) {
        if (live) setError(err);
      }
    })();
    return () => {
      live = false;
    };
  }, [search, status, page, reload]);

  return (
    <>
      <h1>Accounts</h1>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <Field id="search" label="Name starts with">
          <input
            id="search"
            type="search"
            value={search}
            onInput={(e) => (setSearch((e.currentTarget as HTMLInputElement).value.trim()), setPage(1))}
          />
        </Field>
        <Field id="status" label="Status">
          <select
            id="status"
            value={status}
            onChange={(e) => (setStatus((e.currentTarget as HTMLSelectElement).value), setPage(1))}
          >
            <option value="">active and disabled</option>
            <option value="active">active</option>
            <option value="disabled">disabled</option>
            <option value="deleted">deleted</option>
          </select>
        </Field>
      </form>
      <ErrorNotice error={error} />
      {list ? (
        <>
          <ScrollRegion label="Accounts">
            <table>
              <caption class="sr-only">Accounts, by name</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Client ID</th>
                  <th scope="col">Status</th>
                  <th scope="col">Throttle</th>
                  <th scope="col" class="num">
                    Transactions today
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((a) => (
                  <tr key={a.accountId}>
                    <th scope="row">
                      {a.status === 'deleted' ? (
                        a.name
                      ) : (
                        <a href={`#/accounts/${encodeURIComponent(a.name)}`}>{a.name}</a>
                      )}
                    </th>
                    <td>
                      <code>{a.clientId}</code>
                    </td>
                    <td>
                      <span class={`badge badge-${a.status}`}>{a.status}</span>
                    </td>
                    <td>
                      {a.throttle.limit} per {a.throttle.periodSeconds} s
                    </td>
                    <td class="num">{today[a.accountId] ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {!list.items.length ? <p>No accounts match.</p> : null}
          <Pager
            label="Accounts"
            page={list.page}
            total={list.total}
            pageSize={list.pageSize}
            hasNext={list.page * list.pageSize < (list.total ?? 0)}
            onPage={setPage}
          />
        </>
      ) : null}
      {session.operator.role === 'admin' ? (
        <CreateAccount onCreated={() => setReload(reload + 1)} />
      ) : (
        <p class="muted">You are a viewer: you can look at everything but change nothing.</p>
      )}
    </>
  );
}

function CreateAccount({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [limit, setLimit] = useState('1000');
  const [period, setPeriod] = useState('300');
  const [error, setError] = useState<ApiError | undefined>();
  const [created, setCreated] = useState<{ name: string; clientId: string; clientSecret: string } | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const body = { name, throttle: { limit: Number(limit), periodSeconds: Number(period) } };
      const res = await api<Account & { clientSecret: string }>('POST', '/operator/v1/accounts', body);
      setCreated({ name: res.name, clientId: res.clientId, clientSecret: res.clientSecret });
      setName('');
      onCreated();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    }
  };
  const nameError = error?.problem('name') ?? (error?.status === 409 ? error.message : undefined);
  const limitError = error?.problem('throttle.limit');
  const periodError = error?.problem('throttle.periodSeconds');
  return (
    <section aria-labelledby="create-title" class="card">
      <h2 id="create-title">Create an account</h2>
      {created ? (
        <>
          <p>
            Account <a href={`#/accounts/${encodeURIComponent(created.name)}`}>{created.name}</a> created; client ID{' '}
            <code>{created.clientId}</code>.
          </p>
          <SecretOnce label="Client secret" value={created.clientSecret} onDone={() => setCreated(null)} />
        </>
      ) : null}
      <form onSubmit={submit} noValidate>
        <div class="row">
          <Field id="new-name" label="Name" error={nameError} hint="3 to 64 of a-z 0-9 -">
            <input
              id="new-name"
              value={name}
              onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
              {...described('new-name', nameError, 'x')}
            />
          </Field>
          <Field id="new-limit" label="Requests per period" error={limitError}>
            <input
              id="new-limit"
              inputMode="numeric"
              value={limit}
              onInput={(e) => setLimit((e.currentTarget as HTMLInputElement).value)}
              {...described('new-limit', limitError)}
            />
          </Field>
          <Field id="new-period" label="Period (seconds)" error={periodError}>
            <input
              id="new-period"
              inputMode="numeric"
              value={period}
              onInput={(e) => setPeriod((e.currentTarget as HTMLInputElement).value)}
              {...described('new-period', periodError)}
            />
          </Field>
        </div>
        {error && !nameError && !limitError && !periodError ? <ErrorNotice error={error} /> : null}
        <button type="submit">Create account</button>
      </form>
    </section>
  );
}
