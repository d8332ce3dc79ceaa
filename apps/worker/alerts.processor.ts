import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { WebhookDeliveryService } from '@tollgate/alerts';
import { MetricsService } from '@tollgate/metrics';
import { JobName, type JobOf } from '@tollgate/queue';

/**
 * Thin: webhook deliveries go to the alerts lib; a thrown error makes BullMQ retry with backoff.
 * Bound to the alerts queue by the worker module (see processorFor).
 */
@Injectable()
export class AlertsProcessor extends WorkerHost {
  private readonly logger = new Logger(AlertsProcessor.name);

  constructor(
    private readonly delivery: WebhookDeliveryService,
    private readonly metrics: MetricsService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.AlertDelivery: {
        const data = job.data as JobOf<JobName.AlertDelivery>;
        try {
          const outcome = await this.delivery.deliver(data.accountId, data.alertId);
          this.metrics.webhookDeliveries.inc({ outcome });
          this.logger.log({ jobId: job.id, accountId: data.accountId, outcome }, 'alert delivery job done');
          return outcome;
        } catch (err) {
          this.metrics.webhookDeliveries.inc({ outcome: 'failed' });
          this.logger.warn(
            { jobId: job.id, accountId: data.accountId, attempt: job.attemptsMade + 1, reason: (err as Error).message },
            'alert delivery failed; will retry',
          );
          throw err;
        }
      }
      default:
        this.logger.warn({ jobId: job.id, name: job.name }, 'unknown job name');
        return undefined;
    }
  }
}
