import type { JobsOptions } from 'bullmq';
import { JobName } from './queue.contract';

/**
 * Every job option in one place. Ids are deterministic so a retried enqueue does not duplicate a
 * job; handlers are idempotent anyway because BullMQ delivers at least once. Completed jobs are
 * removed (their effect is in Mongo); failed ones are kept for inspection.
 */
export function jobOptions(
  name: JobName,
  key: { accountId: string; seq?: number; alertId?: string; backoffMs?: number },
): JobsOptions {
  const common: JobsOptions = {
    attempts: 8,
    backoff: { type: 'exponential', delay: 500 },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
  };
  switch (name) {
    case JobName.UsageSnapshot:
      return { ...common, jobId: `usage-${key.accountId}-${key.seq}` };
    case JobName.AlertDelivery:
      // BullMQ job ids may not contain ':'; alert ids do (account:event).
      return {
        ...common,
        attempts: 6,
        backoff: { type: 'exponential', delay: key.backoffMs ?? 1000 },
        jobId: `alert-${key.alertId?.replace(/:/g, '-')}`,
      };
  }
}
