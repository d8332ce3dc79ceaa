import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AlertsService } from '@tollgate/alerts';
import { MetricsService } from '@tollgate/metrics';
import { JobName, type JobOf } from '@tollgate/queue';
import { UsageService } from '@tollgate/usage';

/**
 * Thin: a usage snapshot's totals go to the usage lib ($max upserts), its events to the alerts lib
 * (recorded once, webhooks queued). Both are idempotent, so at-least-once delivery is safe. Bound to
 * the usage queue by the worker module (see processorFor).
 */
@Injectable()
export class UsageProcessor extends WorkerHost {
  private readonly logger = new Logger(UsageProcessor.name);

  constructor(
    private readonly usage: UsageService,
    private readonly alerts: AlertsService,
    private readonly metrics: MetricsService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.UsageSnapshot: {
        const data = job.data as JobOf<JobName.UsageSnapshot>;
        await this.usage.applyTotals(data.accountId, data.days, data.months);
        const newAlerts = (await this.alerts.recordAndDispatch(data.accountId, data.events)).length;
        this.metrics.snapshotsApplied.inc();
        this.metrics.eventsAggregated.inc(data.events.length);
        this.metrics.usageLag.observe(Math.max(0, Date.now() - job.timestamp) / 1000);
        this.logger.debug(
          { jobId: job.id, accountId: data.accountId, days: data.days.length, events: data.events.length, newAlerts },
          'usage snapshot applied',
        );
        return { newAlerts };
      }
      default:
        this.logger.warn({ jobId: job.id, name: job.name }, 'unknown job name');
        return undefined;
    }
  }
}
