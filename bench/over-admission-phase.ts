import { settings } from './bench-settings';
import type { LoadClient } from './load-client';
import type { LoadTarget } from './load-generator';
import { bearer, ROUTE } from './stack';
import type { StackClient } from './stack-client';

export interface OverAdmission {
  /** Throttle limit of the one token, or the hard quota of the account's tokens. */
  kind: 'throttle' | 'quota';
  tokens: number;
  limit: number;
  burst: number;
  apis: number;
  ok: number;
  beyondLimit: number;
  statusCounts: Record<string, number>;
  errors: number;
}

/**
 * Phase 3: `limit × factor` requests on one fresh token, all in flight at once (one connection per
 * request), split between two API processes that share one Redis. Exactness means at most `limit`
 * 200s whatever the interleaving; anything above is over-admission.
 */
export async function measureOverAdmission(
  load: LoadClient,
  client: StackClient,
  apiUrls: [string, string],
): Promise<OverAdmission> {
  const limit = settings.burstLimit;
  const account = await client.createAccount('bench-burst', { limit, periodSeconds: 60 });
  return burstOn(load, [await client.issueToken(account)], apiUrls, 'throttle', limit);
}

/**
 * Phase 3b: a hard daily quota of `limit` on the route's API, shared by four tokens whose own
 * throttle never trips; the same burst over both processes. The quota is checked inside the
 * admission script, so the overshoot (200s beyond the quota) must be 0 at full load too.
 */
export async function measureQuotaOvershoot(
  load: LoadClient,
  client: StackClient,
  apiUrls: [string, string],
): Promise<OverAdmission> {
  const limit = settings.burstLimit;
  const account = await client.createAccount(
    'bench-quota',
    { limit: 1_000_000, periodSeconds: 60 },
    { quotas: [{ api: 'admin', period: 'day', limit, enforce: 'hard' }] },
  );
  const tokens: string[] = [];
  for (let i = 0; i < 4; i++) tokens.push(await client.issueToken(account));
  return burstOn(load, tokens, apiUrls, 'quota', limit);
}

async function burstOn(
  load: LoadClient,
  tokens: string[],
  apiUrls: [string, string],
  kind: OverAdmission['kind'],
  limit: number,
): Promise<OverAdmission> {
  const burst = limit * settings.burstFactor;
  const per = Math.ceil(burst / (apiUrls.length * tokens.length));
  const targets: LoadTarget[] = apiUrls.flatMap((base) =>
    tokens.map((token) => ({ url: `${base}${ROUTE}`, connections: per, amount: per, headers: bearer(token) })),
  );
  const results = await load.run(targets);
  const statusCounts: Record<string, number> = {};
  for (const r of results)
    for (const [code, count] of Object.entries(r.statusCounts)) statusCounts[code] = (statusCounts[code] ?? 0) + count;
  const ok = results.reduce((s, r) => s + r.ok, 0);
  return {
    kind,
    tokens: tokens.length,
    limit,
    burst: per * targets.length,
    apis: apiUrls.length,
    ok,
    beyondLimit: Math.max(0, ok - limit),
    statusCounts,
    errors: results.reduce((s, r) => s + r.errors + r.timeouts, 0),
  };
}
