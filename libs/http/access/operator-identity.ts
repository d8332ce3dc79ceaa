/**
 * Who an operator is, as the HTTP layer needs to know it: a name (the bootstrap key is `root`) and a
 * role. `admin` may do everything; `viewer` may only read (403 `forbidden` on any change).
 */
export type OperatorRole = 'admin' | 'viewer';
export const OPERATOR_ROLES: readonly OperatorRole[] = ['admin', 'viewer'];

export interface OperatorIdentity {
  name: string;
  role: OperatorRole;
  /** How the request proved it: a key in a header, or a console session cookie. */
  via: 'key' | 'session';
}

/** What the access checks read from a request to authenticate an operator (Nest and Fastify requests alike). */
export interface OperatorRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
}

/**
 * Authenticates operators: the operators library provides it (named operators and console sessions
 * are records in the store). The HTTP layer only declares it, so it imports no domain; a process that
 * provides none accepts the bootstrap key alone.
 */
export abstract class OperatorAuthenticator {
  /**
   * The operator the request presents (a key, or a session cookie), or null when it presents none
   * that is valid. Throws a domain error when the request is refused for another reason (a session
   * request changing something without its CSRF token: 403).
   * `plugin`: a route a Fastify plugin serves (the queue dashboard), whose pages cannot send the CSRF
   * header; a same-origin `Origin` is required of them instead.
   */
  abstract authenticate(request: OperatorRequest, options?: { plugin?: boolean }): Promise<OperatorIdentity | null>;
}
