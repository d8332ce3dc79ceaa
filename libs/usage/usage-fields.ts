import type { UsageDayTotals } from '@tollgate/queue';

/**
 * The admission script's usage hash fields (admission.lua) as the queue contract's totals:
 * `<api>` requests that cost (one credit each), `<api>~` requests of free routes, `<api>$` what
 * dearer requests cost beyond one each, each also per UTC hour (`<api>@<HH>`, `<api>~@<HH>`,
 * `<api>$@<HH>`), and `<api>|<tokenId>` a token's requests. API names are a-z 0-9 -, so the
 * separators cannot be part of one. A field of no known shape is left out.
 */
export function dayTotals(totals: [string, number][]): Omit<UsageDayTotals, 'epoch' | 'day'> {
  const tokens: Record<string, Record<string, number>> = {};
  // Per kind: '' (requests that cost), '~' (free requests), '$' (cost beyond one); by API, and by API and hour.
  const day: Record<string, Record<string, number>> = { '': {}, '~': {}, $: {} };
  const hourly: Record<string, Record<string, Record<string, number>>> = { '': {}, '~': {}, $: {} };
  for (const [field, total] of totals) {
    const bar = field.indexOf('|');
    if (bar >= 0) {
      (tokens[field.slice(0, bar)] ??= {})[field.slice(bar + 1)] = total;
      continue;
    }
    const m = /^([a-z0-9-]+)([$~]?)(?:@(\d{2}))?$/.exec(field);
    if (!m) continue;
    const [, api, kind, hour] = m;
    if (hour) (hourly[kind][api] ??= {})[hour] = total;
    else day[kind][api] = total;
  }
  const apis: Record<string, number> = {};
  const credits: Record<string, number> = {};
  for (const api of new Set([...Object.keys(day['']), ...Object.keys(day['~'])])) {
    apis[api] = (day[''][api] ?? 0) + (day['~'][api] ?? 0);
    credits[api] = (day[''][api] ?? 0) + (day.$[api] ?? 0);
  }
  const hours: Record<string, Record<string, number>> = {};
  const hourCredits: Record<string, Record<string, number>> = {};
  for (const api of new Set([...Object.keys(hourly['']), ...Object.keys(hourly['~'])]))
    for (const hh of new Set([...Object.keys(hourly[''][api] ?? {}), ...Object.keys(hourly['~'][api] ?? {})])) {
      const costed = hourly[''][api]?.[hh] ?? 0;
      (hours[api] ??= {})[hh] = costed + (hourly['~'][api]?.[hh] ?? 0);
      (hourCredits[api] ??= {})[hh] = costed + (hourly.$[api]?.[hh] ?? 0);
    }
  return { apis, tokens, credits, hours, hourCredits };
}
