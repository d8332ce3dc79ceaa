import { Injectable } from '@nestjs/common';
import { Clock } from '@tollgate/clock';
import { AccountsService } from '@tollgate/credentials';
import type { UsedInPeriods } from '@tollgate/access-state';
import type { UsageDayTotals, UsageMonthTotals } from '@tollgate/queue';
import type { UsagePeriod } from './usage-period';
import { UsageRepository, type UsageRow } from './usage.repository';

export interface UsageReport {
  accountId: string;
  period: UsagePeriod;
  start: string;
  end: string;
  usageForAccount: { api: string; transactions: number; credits: number; date: string }[];
  creditsForAccount: { allocatedCredits: number | null; consumedCredits: number; month: string }[];
  usageForTokens?: { tokenId: string; api: string; transactions: number; date: string }[];
}

export interface DayTotals {
  accountId: string;
  /** null when the account record is gone. */
  name: string | null;
  transactions: number;
  apis: { api: string; transactions: number }[];
}

const byDateThenApi = (a: { date: string; api: string }, b: { date: string; api: string }) =>
  a.date.localeCompare(b.date) || a.api.localeCompare(b.api);

@Injectable()
export class UsageService {
  constructor(
    private readonly usage: UsageRepository,
    private readonly accounts: AccountsService,
    private readonly clock: Clock,
  ) {}

  /** Stores a snapshot's running totals: idempotent, order-insensitive (safe under at-least-once delivery). */
  applyTotals(accountId: string, days: UsageDayTotals[], months: UsageMonthTotals[]): Promise<void> {
    return this.usage.applyTotals(accountId, days, months);
  }

  /**
   * Transactions per API already recorded in the given hour, day and month, and the month's credits:
   * the quota and credit starting point of a rebuilt access state.
   */
  async usedInPeriods(accountId: string, period: { hour: string; day: string; month: string }): Promise<UsedInPeriods> {
    const [hours, days, months] = await Promise.all([
      this.usage.hourlyRows(accountId, period.hour, period.hour),
      this.usage.dailyRows(accountId, period.day, period.day),
      this.usage.monthlyRows(accountId, period.month, period.month),
    ]);
    const byApi = (rows: UsageRow[]) => Object.fromEntries(rows.map((r) => [r.api, r.transactions]));
    return {
      hour: byApi(hours),
      day: byApi(days),
      month: byApi(months),
      credits: months.reduce((sum, r) => sum + r.credits, 0),
    };
  }

  /** InsideView's usage report: transactions per API per bucket; `withTokens` adds the operator's per-token breakdown. */
  async report(
    accountId: string,
    period: UsagePeriod,
    start: string,
    end: string,
    withTokens = false,
  ): Promise<UsageReport> {
    const rows = await this.rows(accountId, period, start, end);
    const report: UsageReport = {
      accountId,
      period,
      start,
      end,
      usageForAccount: rows
        .map((r) => ({ api: r.api, transactions: r.transactions, credits: r.credits, date: r.bucket }))
        .sort(byDateThenApi),
      creditsForAccount: [await this.credits(accountId)],
    };
    if (withTokens) {
      const [from, to] = dayRange(period, start, end);
      const tokenRows = await this.usage.tokenDailyRows(accountId, from, to);
      const sums = new Map<string, { tokenId: string; api: string; transactions: number; date: string }>();
      for (const r of tokenRows) {
        // Tokens are counted by day: an hourly report lists them by the days it touches.
        const date = period === 'month' ? r.bucket.slice(0, 7) : period === 'year' ? r.bucket.slice(0, 4) : r.bucket;
        const key = `${r.tokenId}|${r.api}|${date}`;
        const entry = sums.get(key) ?? { tokenId: r.tokenId!, api: r.api, transactions: 0, date };
        entry.transactions += r.transactions;
        sums.set(key, entry);
      }
      report.usageForTokens = [...sums.values()].sort(
        (a, b) => byDateThenApi(a, b) || a.tokenId.localeCompare(b.tokenId),
      );
    }
    return report;
  }

  /**
   * One day's transactions per account, busiest first, with the APIs they went to: the `limit`
   * busiest accounts, or the accounts named by `accountIds` (whatever their rank).
   */
  async dayTotals(day: string, options: { limit: number; accountIds?: string[] }): Promise<DayTotals[]> {
    const rows = await this.usage.dayRowsAcrossAccounts(day, options.accountIds);
    const byAccount = new Map<string, DayTotals>();
    for (const r of rows) {
      const entry = byAccount.get(r.accountId) ?? { accountId: r.accountId, name: null, transactions: 0, apis: [] };
      entry.transactions += r.transactions;
      entry.apis.push({ api: r.api, transactions: r.transactions });
      byAccount.set(r.accountId, entry);
    }
    const ranked = [...byAccount.values()]
      .sort((a, b) => b.transactions - a.transactions || a.accountId.localeCompare(b.accountId))
      .slice(0, options.limit);
    for (const entry of ranked) {
      entry.apis.sort((a, b) => b.transactions - a.transactions || a.api.localeCompare(b.api));
      entry.name = (await this.accounts.getById(entry.accountId).catch(() => null))?.name ?? null;
    }
    return ranked;
  }

  /**
   * This month's allocation and consumption. With a credit allocation: the allocation, and the credits
   * (requests' costs) spent on every API. Without: the sum of the monthly quotas (null when none is
   * set), and the requests to the APIs they cover (every API when none), as before credits existed.
   */
  private async credits(accountId: string) {
    const month = new Date(this.clock.now()).toISOString().slice(0, 7);
    const account = await this.accounts.getById(accountId);
    const rows = await this.usage.monthlyRows(accountId, month, month);
    if (account.credits)
      return {
        month,
        allocatedCredits: account.credits.monthly,
        consumedCredits: rows.reduce((s, r) => s + r.credits, 0),
      };
    const monthly = account.quotas.filter((q) => q.period === 'month');
    const relevant = monthly.length ? rows.filter((r) => monthly.some((q) => q.api === r.api)) : rows;
    return {
      month,
      allocatedCredits: monthly.length ? monthly.reduce((s, q) => s + q.limit, 0) : null,
      consumedCredits: relevant.reduce((s, r) => s + r.transactions, 0),
    };
  }

  private async rows(accountId: string, period: UsagePeriod, start: string, end: string): Promise<UsageRow[]> {
    if (period === 'hour') return this.usage.hourlyRows(accountId, start, end);
    if (period === 'day') return this.usage.dailyRows(accountId, start, end);
    if (period === 'month') return this.usage.monthlyRows(accountId, start, end);
    const months = await this.usage.monthlyRows(accountId, `${start}-01`, `${end}-12`);
    const sums = new Map<string, UsageRow>();
    for (const r of months) {
      const key = `${r.bucket.slice(0, 4)}|${r.api}`;
      const entry = sums.get(key) ?? { api: r.api, bucket: r.bucket.slice(0, 4), transactions: 0, credits: 0 };
      entry.transactions += r.transactions;
      entry.credits += r.credits;
      sums.set(key, entry);
    }
    return [...sums.values()];
  }
}

function dayRange(period: UsagePeriod, start: string, end: string): [string, string] {
  if (period === 'hour') return [start.slice(0, 10), end.slice(0, 10)];
  if (period === 'day') return [start, end];
  if (period === 'month') return [`${start}-01`, `${end}-31`];
  return [`${start}-01-01`, `${end}-12-31`];
}
