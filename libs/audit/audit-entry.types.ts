/** Who made a change: an operator (by name), the CLI (with the OS user), a customer's client, or nobody known. */
export interface AuditActor {
  kind: 'operator' | 'cli' | 'client' | 'anonymous' | 'system';
  /** As listed and filtered: the operator's name, `cli:<os user>`, `client:<client id>`, `anonymous`. */
  name: string;
}

/** One field of the record a change touched, before and after (never a secret). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** What a change touched: an account, an operator, a token, a console session. */
export interface AuditTarget {
  type: string;
  id?: string;
  name?: string;
}

/** One entry of the audit log, as the library reads and writes it. */
export interface AuditEntry {
  id: string;
  at: Date;
  actor: string;
  actorKind: AuditActor['kind'];
  action: string;
  target: AuditTarget;
  /** The account concerned, when there is one (for `?account=`). */
  accountId?: string;
  accountName?: string;
  changes: FieldChange[];
  /** Facts of the outcome worth keeping (how many tokens were revoked, the client address of a failed sign-in). */
  detail?: Record<string, unknown>;
  requestId?: string;
}

/** What a caller records; the trail adds when, and who and the request id from the context if not given. */
export type AuditRecordInput = Omit<AuditEntry, 'id' | 'at' | 'actor' | 'actorKind' | 'changes'> & {
  actor?: AuditActor;
  changes?: FieldChange[];
};

export interface AuditFilter {
  account?: string;
  actor?: string;
  action?: string;
  since?: Date;
  skip: number;
  limit: number;
}
