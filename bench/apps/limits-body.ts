/** The limit every bench token gets: high enough never to trip during a run (the API's maximum). */
export const BENCH_LIMIT = 10_000_000;

/**
 * The body of the bench routes: the same fields (and about the same size) as the answer of the real
 * `GET /api/v1/admin/limits`, so that serializing it costs the same on all three routes.
 */
export function limitsBody(accountId: string, tokenId: string, limit: number) {
  const now = Date.now();
  return {
    accountId,
    tokenId,
    limit,
    periodSeconds: 86_400,
    lockoutSeconds: 300,
    lockoutScope: 'account',
    warnAt: [0.8, 0.9],
    remaining: limit - 1,
    used: 1,
    resetAt: new Date(now + 86_400_000).toISOString(),
    warning: null,
    lockout: { token: { locked: false }, account: { locked: false } },
    tokenExpiresAt: new Date(now + 3_600_000).toISOString(),
  };
}
