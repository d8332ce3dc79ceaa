import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, useCsrfToken, whenSignedOut } from './api';
import { AccountPage } from './pages/account';
import { Accounts } from './pages/accounts';
import { Alerts } from './pages/alerts';
import { Audit } from './pages/audit';
import { Operators } from './pages/operators';
import { Overview } from './pages/overview';
import { SignIn } from './pages/sign-in';
import type { Session } from './types';
import './styles.css';

interface Route {
  page: string;
  arg?: string;
  params: Record<string, string>;
}

/** Pages are addressed by the URL's fragment (`#/accounts/acme`): the server serves one page. */
function routeOf(hash: string): Route {
  const [path, search] = hash.replace(/^#/, '').split('?');
  const [page = 'overview', arg] = path.split('/').filter(Boolean);
  return {
    page,
    arg: arg ? decodeURIComponent(arg) : undefined,
    params: Object.fromEntries(new URLSearchParams(search ?? '')),
  };
}

const TITLES: Record<string, string> = {
  overview: 'Overview',
  accounts: 'Accounts',
  alerts: 'Alerts',
  audit: 'Audit log',
  operators: 'Operators',
};

function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [reason, setReason] = useState<string | undefined>();
  const [route, setRoute] = useState(routeOf(location.hash));

  useEffect(() => {
    const onHash = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', onHash);
    whenSignedOut(() => {
      useCsrfToken(null);
      setReason('Your session ended: sign in again.');
      setSession(null);
    });
    api<Session>('GET', '/console/session').then(
      (s) => (useCsrfToken(s.csrfToken), setSession(s)),
      () => setSession(null),
    );
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.title = session
      ? `${route.page === 'accounts' && route.arg ? route.arg : (TITLES[route.page] ?? 'Tollgate')} · Tollgate console`
      : 'Sign in · Tollgate console';
  }, [route, session]);

  if (session === undefined) return <p role="status">Loading…</p>;
  if (session === null)
    return (
      <SignIn
        reason={reason}
        onSignedIn={(s) => {
          useCsrfToken(s.csrfToken);
          setReason(undefined);
          setSession(s);
        }}
      />
    );

  const signOut = async () => {
    await api('DELETE', '/console/session').catch(() => undefined);
    useCsrfToken(null);
    setReason('You are signed out.');
    setSession(null);
  };
  const admin = session.operator.role === 'admin';
  const nav = [
    ['overview', 'Overview'],
    ['accounts', 'Accounts'],
    ['alerts', 'Alerts'],
    ['audit', 'Audit log'],
    ...(admin ? [['operators', 'Operators']] : []),
  ];
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Tollgate console</span>
        <nav aria-label="Main">
          <ul>
            {nav.map(([page, label]) => (
              <li key={page}>
                <a href={`#/${page}`} aria-current={route.page === page ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
            {admin ? (
              <li>
                <a href="/operator/queues" target="_blank" rel="noopener">
                  Queue dashboard
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
        <div class="who">
          <span>
            Signed in as <strong>{session.operator.name}</strong> ({session.operator.role})
          </span>
          <button type="button" class="secondary" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === 'accounts' && route.arg ? (
          <AccountPage key={route.arg} name={route.arg} session={session} />
        ) : route.page === 'accounts' ? (
          <Accounts session={session} />
        ) : route.page === 'alerts' ? (
          <Alerts />
        ) : route.page === 'audit' ? (
          <Audit key={location.hash} initial={route.params} />
        ) : route.page === 'operators' && admin ? (
          <Operators />
        ) : (
          <Overview session={session} />
        )}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
