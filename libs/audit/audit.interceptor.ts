import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AUDITED, type AuditSpec, type TollgateRequest } from '@tollgate/http';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AuditContext } from './audit-context';
import type { AuditActor } from './audit-entry.types';
import { AuditedChanges } from './audited-changes.service';

/**
 * Records every change route (`@Audited`) once, after its handler succeeded: who (the operator the
 * access guard authenticated), what, the record and its changed fields, the request id. Routes
 * without the metadata pass untouched, so the data API's path gains nothing. Routes whose service
 * records its own change (`recordedBy: 'service'`) only get the scope saying who is acting.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly changes: AuditedChanges,
  ) {}

  /** Read once per handler, never per request: every data API request passes here too. */
  private readonly specs = new WeakMap<object, AuditSpec | null>();

  private specOf(handler: object): AuditSpec | null {
    let spec = this.specs.get(handler);
    if (spec === undefined)
      this.specs.set(handler, (spec = this.reflector.get<AuditSpec | undefined>(AUDITED, handler as Function) ?? null));
    return spec;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const spec = this.specOf(context.getHandler());
    if (!spec) return next.handle();
    const req = context.switchToHttp().getRequest<TollgateRequest & { params?: Record<string, string> }>();
    const actor: AuditActor = req.operator
      ? { kind: 'operator', name: req.operator.name }
      : { kind: 'anonymous', name: 'anonymous' };
    const key = spec.param ? req.params?.[spec.param] : undefined;
    return new Observable((subscriber) =>
      AuditContext.run(actor, req.id, () => {
        if (spec.recordedBy === 'service') return next.handle().subscribe(subscriber);
        return from(
          this.changes.run(spec, key, () => lastValueFrom(next.handle(), { defaultValue: undefined })),
        ).subscribe(subscriber);
      }),
    );
  }
}
