import { SetMetadata } from '@nestjs/common';

/** Metadata key of a route's audit declaration (`@Audited`). */
export const AUDITED = 'tollgate:audited';

/**
 * How a change route is written to the audit log:
 * - `action`: what it does (`account.update`, `secret.rotate`, …);
 * - `subject` and `param`: the record it changes and the path parameter naming it; its fields are
 *   read before and after the handler, and the changed ones recorded (never a secret);
 * - `resultKey`: for a creation, the field of the answer that names the new record;
 * - `detail`: fields of the answer worth keeping (how many tokens a revoke-all ended);
 * - `recordedBy: 'service'`: the service records the change itself (it alone knows what changed,
 *   e.g. which account a token belonged to); the route only supplies who and the request id.
 */
export interface AuditSpec {
  action: string;
  subject?: string;
  param?: string;
  resultKey?: string;
  detail?: readonly string[];
  recordedBy?: 'route' | 'service';
}

/**
 * Declares a route that changes something: the audit interceptor records it once, after the
 * handler succeeded, with the operator who called it and the request id. Read from the matched
 * handler, like `@Operator()`.
 */
export const Audited = (action: string, spec: Omit<AuditSpec, 'action'> = {}) =>
  SetMetadata(AUDITED, { recordedBy: 'route', ...spec, action } satisfies AuditSpec);
