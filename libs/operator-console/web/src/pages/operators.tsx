import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, enc } from '../api';
import { when } from '../dates';
import { described, Field } from '../components/field';
import { ErrorNotice, Notice } from '../components/notice';
import { SecretOnce } from '../components/secret-once';
import type { OperatorView } from '../types';

/** Named operators (admins only): who may read, who may change; keys shown once at creation. */
export function Operators() {
  const [items, setItems] = useState<OperatorView[] | null>(null);
  const [error, setError] = useState<unknown>();
  const [reload, setReload] = useState(0);
  const [name, setName] = useState('');
  const [role, setRole] = useState('viewer');
  const [createError, setCreateError] = useState<ApiError | undefined>();
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [message, setMessage] = useState<string | undefined>();
  useEffect(() => {
    api<{ items: OperatorView[] }>('GET', '/operator/v1/operators').then(
      (r) => (setItems(r.items), setError(undefined)),
      setError,
    );
  }, [reload]);
  const create = async (e: Event) => {
    e.preventDefault();
    setCreateError(undefined);
    try {
      const res = await api<OperatorView & { key: string }>('POST', '/operator/v1/operators', { name, role });
      setCreated({ name: res.name, key: res.key });
      setName('');
      setReload(reload + 1);
    } catch (err) {
      setCreateError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    }
  };
  const revoke = async (operator: string) => {
    setMessage(undefined);
    try {
      const res = await api<{ sessionsEnded: number }>('DELETE', `/operator/v1/operators/${enc(operator)}`);
      setMessage(`Operator ${operator} revoked; ${res.sessionsEnded} console sessions ended.`);
      setReload(reload + 1);
    } catch (err) {
      setError(err);
    }
  };
  const nameError = createError?.problem('name') ?? (createError?.status === 409 ? createError.message : undefined);
  return (
    <>
      <h1>Operators</h1>
      <ErrorNotice error={error} />
      {message ? <Notice kind="ok">{message}</Notice> : null}
      {items ? (
        <table>
          <caption class="sr-only">Operators</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Created</th>
              <th scope="col">By</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => (
              <tr key={o.name}>
                <th scope="row">{o.name}</th>
                <td>{o.role}</td>
                <td>{o.bootstrap ? 'bootstrap (OPERATOR_KEY)' : when(o.createdAt)}</td>
                <td>{o.createdBy ?? '—'}</td>
                <td>
                  {o.bootstrap ? null : (
                    <button
                      type="button"
                      class="danger"
                      onClick={() => revoke(o.name)}
                      aria-label={`Revoke operator ${o.name}`}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <section aria-labelledby="new-operator-title" class="card">
        <h2 id="new-operator-title">Create an operator</h2>
        {created ? (
          <SecretOnce label={`Operator key of ${created.name}`} value={created.key} onDone={() => setCreated(null)} />
        ) : null}
        <form onSubmit={create} noValidate class="row">
          <Field id="operator-name" label="Name" error={nameError} hint="3 to 32 of a-z 0-9 -">
            <input
              id="operator-name"
              value={name}
              onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
              {...described('operator-name', nameError, 'x')}
            />
          </Field>
          <Field id="operator-role" label="Role">
            <select
              id="operator-role"
              value={role}
              onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value)}
            >
              <option value="viewer">viewer (reads only)</option>
              <option value="admin">admin (everything)</option>
            </select>
          </Field>
          <button type="submit">Create operator</button>
        </form>
        {createError && !nameError ? <ErrorNotice error={createError} /> : null}
      </section>
    </>
  );
}
