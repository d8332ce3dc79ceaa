import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tollgate/clock';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { AccountsService } from '@tollgate/credentials';
import { AuditContext } from './audit-context';
import type { AuditActor, AuditEntry, AuditFilter, AuditRecordInput } from './audit-entry.types';
import { withoutSecrets } from './field-changes';
import { AuditRepository } from './audit.repository';

/** The OS user running the CLI: `cli:<user>` is who its changes are by. */
function osUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

/**
 * The audit log: every change by an operator (API, console), the CLI, failed console sign-ins and
 * customers' own token revocations, recorded once in Mongo. Who and the request id come from the
 * caller, else the request's scope (AuditContext), else the process: the CLI acts as `cli:<OS user>`.
 */
@Injectable()
export class AuditTrail {
  private readonly logger = new Logger(AuditTrail.name);
  private readonly processActor: AuditActor;

  constructor(
    private readonly entries: AuditRepository,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    @Inject(TOLLGATE_CONFIG) config: TollgateConfig,
  ) {
    this.processActor =
      config.role === 'cli' ? { kind: 'cli', name: `cli:${osUser()}` } : { kind: 'system', name: 'system' };
  }

  async record(input: AuditRecordInput): Promise<AuditEntry> {
    const scope = AuditContext.current();
    const actor = input.actor ?? scope?.actor ?? this.processActor;
    // The account's name is kept beside its id, so `?account=<name>` finds every entry of it (a
    // deleted account's too: names are never reused), whoever recorded it.
    const accountName =
      input.accountName ??
      (input.accountId ? (await this.accounts.getById(input.accountId).catch(() => null))?.name : undefined);
    const now = this.clock.now();
    const entry: AuditEntry = {
      id: `aud_${now.toString(36).padStart(9, '0')}${randomBytes(8).toString('base64url')}`,
      at: new Date(now),
      actor: actor.name,
      actorKind: actor.kind,
      action: input.action,
      target: input.target,
      ...(input.accountId ? { accountId: input.accountId } : {}),
      ...(accountName ? { accountName } : {}),
      changes: input.changes ?? [],
      ...(input.detail ? { detail: withoutSecrets(input.detail) as Record<string, unknown> } : {}),
      ...((input.requestId ?? scope?.requestId) ? { requestId: input.requestId ?? scope?.requestId } : {}),
    };
    await this.entries.insert(entry);
    if (scope) scope.recorded = true;
    this.logger.log(
      {
        action: entry.action,
        actor: entry.actor,
        target: entry.target,
        accountId: entry.accountId,
        requestId: entry.requestId,
      },
      'audit entry recorded',
    );
    return entry;
  }

  list(filter: AuditFilter): Promise<AuditEntry[]> {
    return this.entries.listAcrossAccounts(filter);
  }
}
