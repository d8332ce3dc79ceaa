import type { AccountView } from '@tollgate/credentials';
import { printFields, printLine, printTable } from './output';

/** The account view without the webhook signing key, for commands not meant to show it. */
export type AccountSummary = Omit<AccountView, 'alertWebhookSecret'>;

export function summary(view: AccountView): AccountSummary {
  const { alertWebhookSecret: _key, ...rest } = view;
  return rest;
}

const percent = (fractions: number[]) => fractions.map((f) => `${Math.round(f * 100)}%`).join(', ');

/** One account as `label  value` lines, then its client secrets (ids and expiry only). */
export function printAccount(
  view: AccountSummary & { alertWebhookSecret?: string },
  extra: [string, string][] = [],
): void {
  const t = view.throttle;
  printFields([
    ['accountId', view.accountId],
    ['name', view.name],
    ['clientId', view.clientId],
    ...extra,
    ['status', view.status],
    ['tokenTtlSeconds', view.tokenTtlSeconds],
    ['maxActiveTokens', view.maxActiveTokens],
    ['scopes', view.scopes.join(', ')],
    [
      'throttle',
      `${t.limit} per ${t.periodSeconds} s, lockout ${t.lockoutSeconds} s (scope ${t.scope}), warn at ${percent(t.warnAt)}`,
    ],
    ['burst', t.burst ? `${t.burst.limit} per ${t.burst.periodSeconds} s` : 'none'],
    ['apiLimits', (t.apis ?? []).map((w) => `${w.api} ${w.limit} per ${w.periodSeconds} s`).join('; ') || 'none'],
    [
      'quotas',
      view.quotas.map((q) => `${q.api} ${q.limit}/${q.period} ${q.enforce} (warn at ${percent(q.warnAt)})`).join('; '),
    ],
    [
      'credits',
      view.credits
        ? `${view.credits.monthly} per month ${view.credits.enforce} (warn at ${percent(view.credits.warnAt)})`
        : 'none',
    ],
    ['allowedOrigins', view.allowedOrigins.join(', ')],
    ['allowedIps', view.allowedIps.length ? view.allowedIps.join(', ') : 'any'],
    ['tokenLimit', view.tokenLimit],
    ['metadata', Object.keys(view.metadata).length ? JSON.stringify(view.metadata) : ''],
    ['alertWebhookUrl', view.alertWebhookUrl],
    ...(view.alertWebhookSecret ? ([['alertWebhookSecret', view.alertWebhookSecret]] as [string, string][]) : []),
    ['createdAt', view.createdAt],
    ['updatedAt', view.updatedAt],
  ]);
  printSecrets(view.secrets);
}

export function printSecrets(secrets: AccountView['secrets']): void {
  printLine('');
  printTable(
    ['secretId', 'createdAt', 'expiresAt'],
    secrets.map((s) => [s.id, s.createdAt, s.expiresAt ?? 'never']),
    'no client secrets',
  );
}
