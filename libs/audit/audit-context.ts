import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditActor } from './audit-entry.types';

interface Scope {
  actor: AuditActor;
  requestId?: string;
  /** Set once something was recorded in this scope (a service that records its own changes). */
  recorded: boolean;
}

const storage = new AsyncLocalStorage<Scope>();

/**
 * Who is acting in the current request, for services that record their own changes (a token
 * revocation knows its account; the route does not): the audit interceptor opens a scope around a
 * change route's handler. Outside a scope (the CLI, the worker) the trail uses the process's actor.
 */
export class AuditContext {
  static run<T>(actor: AuditActor, requestId: string | undefined, fn: () => T): T {
    return storage.run({ actor, requestId, recorded: false }, fn);
  }

  static current(): Scope | undefined {
    return storage.getStore();
  }
}
