import type { AccountPolicies, CreditRule, QuotaRule, QuotaWaiver, WindowRule } from './access-record';

/**
 * The account's quotas as the admission script reads them: one compact spec per API,
 * "period,limit,enforce,warn|warn;..." (parsed in admission.lua).
 */
function quotaSpecs(quotas: QuotaRule[]): Record<string, string> {
  const byApi: Record<string, string[]> = {};
  for (const q of quotas) (byApi[q.api] ??= []).push(`${q.period},${q.limit},${q.enforce},${q.warnAt.join('|')}`);
  return Object.fromEntries(Object.entries(byApi).map(([api, specs]) => [api, specs.join(';')]));
}

/**
 * Windows as the admission script reads them, by account-state field: `bw` (burst, every API) and
 * `aw:<api>`, each "limit,periodMs".
 */
function windowSpecs(windows: WindowRule[]): Record<string, string> {
  return Object.fromEntries(
    windows.map((w) => [w.api === null ? 'bw' : `aw:${w.api}`, `${w.limit},${w.periodSeconds * 1000}`]),
  );
}

/** The credit allocation as the admission script reads it (field `cr`): "monthly,enforce,warn|warn". */
function creditSpecs(credits: CreditRule | null): Record<string, string> {
  return credits ? { cr: `${credits.monthly},${credits.enforce},${credits.warnAt.join('|')}` } : {};
}

/**
 * Every policy field the admission script reads from the account's state, by field: `q:<api>`
 * (quotas), `bw` and `aw:<api>` (windows), `cr` (credits). set-policies.lua and rebuild-finish.lua
 * replace exactly these.
 */
export function policyFields(p: AccountPolicies): Record<string, string> {
  const quotas = Object.entries(quotaSpecs(p.quotas)).map(([api, spec]) => [`q:${api}`, spec]);
  return { ...Object.fromEntries(quotas), ...windowSpecs(p.windows), ...creditSpecs(p.credits) };
}

/** Waivers as the admission script reads them: per API, "hour:<hour> day:<day> month:<month>" (each may be absent). */
export function waiverSpecs(waivers: QuotaWaiver[]): Record<string, string> {
  const byApi: Record<string, string[]> = {};
  for (const w of waivers) (byApi[w.api] ??= []).push(`${w.period}:${w.key}`);
  return Object.fromEntries(Object.entries(byApi).map(([api, specs]) => [api, specs.join(' ')]));
}

/** UTC hour (`YYYY-MM-DDTHH`), day and month of a script-clock instant. */
export function periodOf(now: number): { hour: string; day: string; month: string } {
  const hour = new Date(now).toISOString().slice(0, 13);
  const day = hour.slice(0, 10);
  return { hour, day, month: day.slice(0, 7) };
}
