import type { ComponentChildren } from 'preact';
import { ApiError } from '../api';

/** A message about the last action: `role="status"` for news, `role="alert"` for failures. */
export function Notice({ kind, children }: { kind: 'ok' | 'error'; children: ComponentChildren }) {
  return (
    <p class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}

/** An API failure as people read it: the API's own message, and the request id to quote. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const e =
    error instanceof ApiError ? error : new ApiError(0, { message: String((error as Error)?.message ?? error) });
  const forbidden = e.status === 403 && e.code === 'forbidden';
  return (
    <Notice kind="error">
      {forbidden ? 'Not allowed: your role can only read. ' : ''}
      {e.message}
      {e.requestId ? <span class="muted"> (request {e.requestId})</span> : null}
    </Notice>
  );
}
