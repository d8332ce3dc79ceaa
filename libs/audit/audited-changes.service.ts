import { Injectable, Logger } from '@nestjs/common';
import type { AuditSpec } from '@tollgate/http';
import { AuditSubjects, type AuditSnapshot } from './audit-subjects.service';
import { AuditTrail } from './audit-trail.service';
import { fieldChanges } from './field-changes';

/**
 * Runs one change and records it: the record it names is read before and after, and the entry
 * lists the fields that changed. The audit interceptor (API, console) and the CLI both come here,
 * so a change is recorded the same way whichever door it came through. Nothing is recorded when the
 * change fails (nothing changed).
 */
@Injectable()
export class AuditedChanges {
  private readonly logger = new Logger(AuditedChanges.name);

  constructor(
    private readonly subjects: AuditSubjects,
    private readonly trail: AuditTrail,
  ) {}

  async run<T>(spec: Omit<AuditSpec, 'param'>, key: string | undefined, change: () => Promise<T>): Promise<T> {
    const before = spec.subject && key ? await this.subjects.snapshot(spec.subject, key) : null;
    const result = await change();
    const answer = (result && typeof result === 'object' ? result : {}) as Record<string, unknown>;
    const id =
      before?.id ??
      (spec.resultKey && typeof answer[spec.resultKey] === 'string' ? (answer[spec.resultKey] as string) : undefined);
    // A record created under the name it was given (the CLI's creations) is found by that name afterwards.
    const after: AuditSnapshot | null = !spec.subject
      ? null
      : id
        ? await this.subjects.snapshotById(spec.subject, id)
        : key
          ? await this.subjects.snapshot(spec.subject, key)
          : null;
    const known = after ?? before;
    const detail = spec.detail?.length
      ? Object.fromEntries(spec.detail.filter((f) => answer[f] !== undefined).map((f) => [f, answer[f]]))
      : undefined;
    // The change stands whatever happens here: failing its answer now would invite a retry of a
    // change that was made. A record that could not be written is an error in the log instead.
    await this.trail
      .record({
        action: spec.action,
        target: {
          type: spec.subject ?? 'none',
          ...(id ? { id } : key ? { id: key } : {}),
          ...(known?.name ? { name: known.name } : {}),
        },
        ...(known?.accountId ? { accountId: known.accountId } : {}),
        ...(known?.accountName ? { accountName: known.accountName } : {}),
        changes: fieldChanges(before?.fields ?? null, after?.fields ?? null),
        ...(detail && Object.keys(detail).length ? { detail } : {}),
      })
      .catch((err: unknown) =>
        this.logger.error(
          { action: spec.action, target: id ?? key, err: (err as Error)?.message },
          'change made but not recorded in the audit log',
        ),
      );
    return result;
  }
}
