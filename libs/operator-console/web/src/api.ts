/**
 * The console's only way to the server: the operator API (the same one the CLI and scripts use),
 * under the session cookie. Changes carry the session's CSRF token; the cookie itself is HttpOnly
 * and never seen here.
 */
export interface FieldProblem {
  field: string;
  problems: string[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[];
  readonly requestId?: string;

  constructor(status: number, body: Record<string, unknown> | undefined) {
    super(typeof body?.message === 'string' ? body.message : `the server answered ${status}`);
    this.status = status;
    this.code = typeof body?.error === 'string' ? body.error : 'error';
    this.fields = Array.isArray(body?.fields) ? (body!.fields as FieldProblem[]) : [];
    this.requestId = typeof body?.requestId === 'string' ? body.requestId : undefined;
  }

  /** The API's message for one field (`throttle.limit`), if it named it. */
  problem(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.problems.join('; ');
  }
}

let csrfToken: string | null = null;
let onSignedOut: () => void = () => undefined;

export function useCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (expired, signed out elsewhere, operator revoked). */
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (res.status === 401 && !path.startsWith('/console/session')) onSignedOut();
  if (!res.ok) throw new ApiError(res.status, data as Record<string, unknown> | undefined);
  return data as T;
}

export const query = (params: Record<string, string | number | undefined | null>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const enc = encodeURIComponent;
