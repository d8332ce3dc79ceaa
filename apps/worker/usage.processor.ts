import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AlertsService } from '@tollgate/alerts';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { MetricsService } from '@tollgate/metrics';
import { JobName, type JobOf, QueueName } from '@tollgate/queue';
import { UsageService } from '@tollgate/usage';
import { LOCK_DURATION_MS } from './worker-options';

/**
 * Thin: a usage snapshot's totals go to the usage lib ($max upserts), its events to the alerts lib
 * (recorded once, webhooks queued). Both are idempotent, so at-least-once delivery is safe.
 */
@Processor(QueueName.Usage, { lockDuration: LOCK_DURATION_MS, stalledInterval: LOCK_DURATION_MS })
export class UsageProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsageProcessor.name);

  constructor(
    private readonly usage: UsageService,
    private readonly alerts: AlertsService,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
    private readonly metrics: MetricsService,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.workerConcurrency;
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
        this.logger.debug({ jobId: job.id, accountId: data.accountId, days: data.days.length, events: data.events.length, newAlerts }, 'usage snapshot applied');
        return { newAlerts };
      }
      default:
        this.logger.warn({ jobId: job.id, name: job.name }, 'unknown job name');
        return undefined;
    }
  }
}
