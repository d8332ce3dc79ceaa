import type { UsageDayTotals } from '@tollgate/queue';

/**
 * The admission script's usage hash fields (admission.lua) as the queue contract's totals:
 * `<api>` requests, `<api>|<tokenId>` a token's requests, `<api>@<HH>` requests in an hour, and
 * `<api>$` / `<api>$@<HH>` what the requests' costs added beyond one each. API names are a-z 0-9 -,
 * so the separators cannot be part of one. A field of no known shape is left out.
 */
export function dayTotals(totals: [string, number][]): Omit<UsageDayTotals, 'epoch' | 'day'> {
  const apis: Record<string, number> = {};
  const tokens: Record<string, Record<string, number>> = {};
  const extra: Record<string, number> = {};
  const hours: Record<string, Record<string, number>> = {};
  const hourExtra: Record<string, Record<string, number>> = {};
  for (const [field, total] of totals) {
    const bar = field.indexOf('|');
    if (bar >= 0) {
      (tokens[field.slice(0, bar)] ??= {})[field.slice(bar + 1)] = total;
      continue;
    }
    const m = /^([a-z0-9-]+)(\$)?(?:@(\d{2}))?$/.exec(field);
    if (!m) continue;
    const [, api, costed, hour] = m;
    if (hour) ((costed ? hourExtra : hours)[api] ??= {})[hour] = total;
    else if (costed) extra[api] = total;
    else apis[api] = total;
  }
  const credits = Object.fromEntries(Object.entries(apis).map(([api, n]) => [api, n + (extra[api] ?? 0)]));
  const hourCredits = Object.fromEntries(
    Object.entries(hours).map(([api, byHour]) => [
      api,
      Object.fromEntries(Object.entries(byHour).map(([hh, n]) => [hh, n + (hourExtra[api]?.[hh] ?? 0)])),
    ]),
  );
  return { apis, tokens, credits, hours, hourCredits };
}
