import type { QuotaRule, QuotaWaiver, WindowRule } from './access-record';

/**
 * The account's quotas as the admission script reads them: one compact spec per API,
 * "period,limit,enforce,warn|warn;..." (parsed in admission.lua).
 */
export function quotaSpecs(quotas: QuotaRule[]): Record<string, string> {
  const byApi: Record<string, string[]> = {};
  for (const q of quotas) (byApi[q.api] ??= []).push(`${q.period},${q.limit},${q.enforce},${q.warnAt.join('|')}`);
  return Object.fromEntries(Object.entries(byApi).map(([api, specs]) => [api, specs.join(';')]));
}

/**
 * Windows as the admission script reads them, by account-state field: `bw` (burst, every API) and
 * `aw:<api>`, each "limit,periodMs".
 */
export function windowSpecs(windows: WindowRule[]): Record<string, string> {
  return Object.fromEntries(
    windows.map((w) => [w.api === null ? 'bw' : `aw:${w.api}`, `${w.limit},${w.periodSeconds * 1000}`]),
  );
}

/** Waivers as the admission script reads them: per API, "day:<day> month:<month>" (either may be absent). */
export function waiverSpecs(waivers: QuotaWaiver[]): Record<string, string> {
  const byApi: Record<string, string[]> = {};
  for (const w of waivers) (byApi[w.api] ??= []).push(`${w.period}:${w.key}`);
  return Object.fromEntries(Object.entries(byApi).map(([api, specs]) => [api, specs.join(' ')]));
}

/** UTC day and month of a script-clock instant. */
export function periodOf(now: number): { day: string; month: string } {
  const day = new Date(now).toISOString().slice(0, 10);
  return { day, month: day.slice(0, 7) };
}
