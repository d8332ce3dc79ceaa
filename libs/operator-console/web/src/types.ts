/** The operator API's answers, as far as the console reads them. */
export interface Throttle {
  limit: number;
  periodSeconds: number;
  lockoutSeconds: number;
  scope: 'account' | 'token';
  warnAt: number[];
  /** Windows this page does not edit: sent back as they are, since a throttle change replaces the whole object. */
  burst?: { limit: number; periodSeconds: number };
  apis?: { api: string; limit: number; periodSeconds: number }[];
}

export interface Quota {
  api: string;
  period: 'month' | 'day' | 'hour';
  limit: number;
  warnAt: number[];
  enforce: 'hard' | 'alert';
}

export interface Account {
  accountId: string;
  name: string;
  clientId: string;
  status: 'active' | 'disabled' | 'deleted';
  tokenTtlSeconds: number;
  maxActiveTokens: number;
  scopes: string[];
  throttle: Throttle;
  quotas: Quota[];
  allowedOrigins: string[];
  alertWebhookUrl: string | null;
  secrets: { id: string; createdAt: string; expiresAt: string | null }[];
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total?: number;
  nextPage?: number | null;
}

export interface DayTotals {
  day: string;
  items: {
    accountId: string;
    name: string | null;
    transactions: number;
    apis: { api: string; transactions: number }[];
  }[];
}

export interface UsageReport {
  accountId: string;
  period: string;
  start: string;
  end: string;
  usageForAccount: { api: string; transactions: number; date: string }[];
  creditsForAccount: { month: string; allocatedCredits: number | null; consumedCredits: number }[];
}

export interface Session {
  operator: { name: string; role: 'admin' | 'viewer' };
  via: 'session' | 'key';
  csrfToken: string | null;
  expiresAt: string | null;
  today: string;
}

export interface TokenSummary {
  tokenId: string;
  scopes: string[];
  issuedAt: string;
  expiresAt: string;
  via: string;
}

export interface Alert {
  id: string;
  accountId: string;
  type: string;
  api?: string | null;
  threshold?: number | null;
  count?: number | null;
  limit?: number | null;
  period: string;
  at: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  actorKind: string;
  action: string;
  target: { type: string; id?: string; name?: string };
  accountId?: string;
  accountName?: string;
  changes: { field: string; before: unknown; after: unknown }[];
  detail?: Record<string, unknown>;
  requestId?: string;
}

export interface OperatorView {
  name: string;
  role: 'admin' | 'viewer';
  createdAt: string | null;
  createdBy: string | null;
  bootstrap: boolean;
}
