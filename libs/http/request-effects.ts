/**
 * Whether a request may have had effects. Guards (authentication, admission) refuse before any
 * handler runs; once the handler is entered, a failure can come after a write. A 503 refused before
 * that point says so with `Tollgate-Request-Applied: false`, so a client may retry even a
 * non-idempotent request (the SDK does); without the header it must assume the write may have landed.
 */
export const NOT_APPLIED_HEADER = 'Tollgate-Request-Applied';

const HANDLER_ENTERED = Symbol('tollgate.handler-entered');

/** Called by the interceptor every route passes, just before the handler runs. */
export function markHandlerEntered(request: object): void {
  (request as Record<symbol, boolean>)[HANDLER_ENTERED] = true;
}

/** True once the route's handler was (about to be) called for this request. */
export function handlerEntered(request: object): boolean {
  return (request as Record<symbol, boolean>)[HANDLER_ENTERED] === true;
}
