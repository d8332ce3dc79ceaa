import { Injectable } from '@nestjs/common';
import { type Account, AccountsService } from '@tollgate/credentials';
import { NotFoundError } from '@tollgate/domain-errors';

/** A record as the audit log compares it: its identity, and the fields a change may touch (no secret among them). */
export interface AuditSnapshot {
  id: string;
  name?: string;
  accountId?: string;
  accountName?: string;
  fields: Record<string, unknown>;
}

const notFoundAsNull = (err: unknown): null => {
  if (err instanceof NotFoundError) return null;
  throw err;
};

/**
 * Reads the records change routes name, before and after the change, so the log can say which
 * fields changed. An account's snapshot is its policy and state; its secrets appear by id and
 * expiry only (never a hash), and the webhook signing key not at all.
 */
@Injectable()
export class AuditSubjects {
  constructor(private readonly accounts: AccountsService) {}

  /** The record `key` names (an account id or name), or null when there is none. */
  async snapshot(subject: string, key: string): Promise<AuditSnapshot | null> {
    if (subject !== 'account') return null;
    return this.accounts.get(key).then(accountSnapshot, notFoundAsNull);
  }

  /** The record by its id, deleted ones included (the state a deletion left). */
  async snapshotById(subject: string, id: string): Promise<AuditSnapshot | null> {
    if (subject !== 'account') return null;
    return this.accounts.getById(id).then(accountSnapshot, notFoundAsNull);
  }
}

function accountSnapshot(account: Account): AuditSnapshot {
  return {
    id: account.id,
    name: account.name,
    accountId: account.id,
    accountName: account.name,
    fields: {
      status: account.status,
      tokenTtlSeconds: account.tokenTtlSeconds,
      maxActiveTokens: account.maxActiveTokens,
      scopes: account.scopes,
      throttle: account.throttle,
      quotas: account.quotas,
      credits: account.credits,
      allowedOrigins: account.allowedOrigins,
      allowedIps: account.allowedIps,
      tokenLimit: account.tokenLimit,
      // As [key, value] pairs: a key may hold a dot or a leading `$`, which a stored object cannot, and
      // an empty object would not be stored at all.
      metadata: Object.entries(account.metadata),
      alertWebhookUrl: account.alertWebhookUrl ?? null,
      secrets: account.secrets.map((s) => ({
        id: s.id,
        createdAt: s.createdAt.toISOString(),
        expiresAt: s.expiresAt ? s.expiresAt.toISOString() : null,
      })),
      tokenGeneration: account.tokenGeneration,
      deletedAt: account.deletedAt ? account.deletedAt.toISOString() : null,
    },
  };
}
