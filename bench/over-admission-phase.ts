import { settings } from './bench-settings';
import type { LoadClient } from './load-client';
import type { LoadTarget } from './load-generator';
import { bearer, ROUTE } from './stack';
import type { StackClient } from './stack-client';

export interface OverAdmission {
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
export async function measureOverAdmission(load: LoadClient, client: StackClient, apiUrls: [string, string]): Promise<OverAdmission> {
  const limit = settings.burstLimit;
  const burst = limit * settings.burstFactor;
  const account = await client.createAccount('bench-burst', { limit, periodSeconds: 60 });
  const token = await client.issueToken(account);
  const half = Math.ceil(burst / 2);
  const targets: LoadTarget[] = apiUrls.map((base, i) => {
    const n = i === 0 ? half : burst - half;
    return { url: `${base}${ROUTE}`, connections: n, amount: n, headers: bearer(token) };
  });
  const results = await load.run(targets);
  const statusCounts: Record<string, number> = {};
  for (const r of results) for (const [code, count] of Object.entries(r.statusCounts)) statusCounts[code] = (statusCounts[code] ?? 0) + count;
  const ok = results.reduce((s, r) => s + r.ok, 0);
  return {
    limit,
    burst,
    apis: apiUrls.length,
    ok,
    beyondLimit: Math.max(0, ok - limit),
    statusCounts,
    errors: results.reduce((s, r) => s + r.errors + r.timeouts, 0),
  };
}
