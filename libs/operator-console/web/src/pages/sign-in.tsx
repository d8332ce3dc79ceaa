import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { Notice } from '../components/notice';
import type { Session } from '../types';

/** The sign-in page: an operator key (the bootstrap key or a named operator's) opens a session. */
export function SignIn({ onSignedIn, reason }: { onSignedIn: (session: Session) => void; reason?: string }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await api<Session>('POST', '/console/session', { key }));
    } catch (err) {
      const e = err instanceof ApiError ? err : undefined;
      setError(
        e?.code === 'invalid_operator_key'
          ? 'That operator key is not valid.'
          : e?.code === 'too_many_failures'
            ? 'Too many failed sign-ins from this address: wait a minute and try again.'
            : e?.code === 'validation_failed'
              ? 'Enter an operator key.'
              : (e?.message ?? 'Could not sign in.'),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="sign-in">
      <h1>Tollgate console</h1>
      {reason ? <Notice kind="ok">{reason}</Notice> : null}
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="operator-key">Operator key</label>
          <input
            id="operator-key"
            name="key"
            type="password"
            autoComplete="current-password"
            value={key}
            onInput={(e) => setKey((e.currentTarget as HTMLInputElement).value)}
            aria-describedby={error ? 'sign-in-error' : undefined}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        {error ? (
          <p id="sign-in-error" class="notice notice-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
