import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, type JobOf, QueueName } from '@tollgate/queue';
import { UsageIngestService } from '@tollgate/usage';

/** Thin: dispatches usage jobs by name to the usage lib. */
@Processor(QueueName.Usage)
export class UsageProcessor extends WorkerHost {
  private readonly logger = new Logger(UsageProcessor.name);

  constructor(private readonly ingest: UsageIngestService) {
    super();
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
