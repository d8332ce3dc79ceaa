import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import type { Job } from 'bullmq';
import { JobName, type JobOf, QueueName } from '@tollgate/queue';
import { UsageIngestService } from '@tollgate/usage';

/**
 * A job whose worker died is re-delivered once its lock expires and a stalled-job check runs;
 * WORKER_LOCK_DURATION_MS shortens that for tests of worker crashes (read here because BullMQ
 * takes worker options at decoration time).
 */
const lockDuration = Number(process.env.WORKER_LOCK_DURATION_MS) || 30_000;

/** Thin: dispatches usage jobs by name to the usage lib. */
@Processor(QueueName.Usage, { lockDuration, stalledInterval: lockDuration })
export class UsageProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsageProcessor.name);

  constructor(
    private readonly ingest: UsageIngestService,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.workerConcurrency;
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.UsageSnapshot:
        return this.ingest.apply(job.data as JobOf<JobName.UsageSnapshot>);
      default:
        this.logger.warn({ jobId: job.id, name: job.name }, 'unknown job name');
        return undefined;
    }
  }
}
