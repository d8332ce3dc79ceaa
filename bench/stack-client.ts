/**
 * The few public HTTP calls the bench makes on the real API: the operator creates accounts and reads
 * usage; a client gets a token with client credentials. Only documented routes, no internals.
 */

export interface BenchAccount {
  accountId: string;
  name: string;
  clientId: string;
  clientSecret: string;
}

export interface ThrottlePolicy {
  limit: number;
  periodSeconds: number;
  lockoutSeconds?: number;
  scope?: 'account' | 'token';
  burst?: { limit: number; periodSeconds: number };
  apis?: { api: string; limit: number; periodSeconds: number }[];
}

export class StackClient {
  constructor(
    readonly base: string,
    private readonly operatorKey: string,
  ) {}

  async createAccount(
    name: string,
    throttle: ThrottlePolicy,
    extra: Record<string, unknown> = {},
  ): Promise<BenchAccount> {
    const res = await fetch(`${this.base}/operator/v1/accounts`, {
      method: 'POST',
      headers: { 'x-operator-key': this.operatorKey, 'content-type': 'application/json' },
      body: JSON.stringify({ name, throttle, ...extra }),
    });
    if (res.status !== 201) throw new Error(`creating account ${name}: ${res.status} ${await res.text()}`);
    return (await res.json()) as BenchAccount;
  }

  async issueToken(account: BenchAccount): Promise<string> {
    const basic = Buffer.from(
      `${encodeURIComponent(account.clientId)}:${encodeURIComponent(account.clientSecret)}`,
    ).toString('base64');
    const res = await fetch(`${this.base}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    if (res.status !== 200) throw new Error(`token for ${account.name}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { access_token: string }).access_token;
  }

  /**
   * An account's transactions over yesterday..tomorrow (UTC), from the usage report. The operator's
   * report is used rather than the customer's `GET /api/v1/admin/usage` because it reads the same
   * aggregates without being a counted request itself, which would move the total being watched.
   */
  async usageTotal(accountId: string): Promise<number> {
    const day = 86_400_000;
    const start = new Date(Date.now() - day).toISOString().slice(0, 10);
    const end = new Date(Date.now() + day).toISOString().slice(0, 10);
    const res = await fetch(
      `${this.base}/operator/v1/accounts/${encodeURIComponent(accountId)}/usage?period=day&start=${start}&end=${end}`,
      {
        headers: { 'x-operator-key': this.operatorKey },
      },
    );
    if (res.status !== 200) throw new Error(`usage of ${accountId}: ${res.status} ${await res.text()}`);
    const report = (await res.json()) as { usageForAccount: { transactions: number }[] };
    return report.usageForAccount.reduce((sum, row) => sum + row.transactions, 0);
  }

  async usageTotals(accountIds: string[]): Promise<number> {
    const totals = await Promise.all(accountIds.map((id) => this.usageTotal(id)));
    return totals.reduce((a, b) => a + b, 0);
  }

  /** One request on the protected route; resolves to the HTTP status. */
  async getLimits(token: string): Promise<number> {
    const res = await fetch(`${this.base}/api/v1/admin/limits`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    return res.status;
  }
}
