import { Injectable } from '@nestjs/common';
import { AlertsService } from '@tollgate/alerts';
import type { UsageSnapshotJob } from '@tollgate/queue';
import { UsageService } from './usage.service';

/**
 * Applies one usage snapshot from the queue: totals (idempotent $max upserts) and events (alerts,
 * recorded once by deterministic id). Safe to run twice, concurrently or out of order.
 */
@Injectable()
export class UsageIngestService {
  constructor(
    private readonly usage: UsageService,
    private readonly alerts: AlertsService,
  ) {}

  async apply(job: UsageSnapshotJob): Promise<{ newAlerts: string[] }> {
    await this.usage.applyTotals(job.accountId, job.days, job.months);
    const newAlerts = job.events.length ? await this.alerts.record(job.accountId, job.events) : [];
    return { newAlerts };
  }
}
