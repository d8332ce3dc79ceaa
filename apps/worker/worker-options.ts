import { Processor, type WorkerHost } from '@nestjs/bullmq';
import type { Type } from '@nestjs/common';
import type { Job, WorkerOptions } from 'bullmq';
import type { TollgateConfig } from '@tollgate/config';
import type { QueueName } from '@tollgate/queue';

/** A processor class as the worker module lists it: a WorkerHost that implements `process`. */
type ProcessorClass = Type<WorkerHost & { process(job: Job): Promise<unknown> }>;

/**
 * A processor class bound to its queue with the worker options of this process's validated config.
 * BullMQ takes worker options from the `@Processor` decorator, so each root module decorates its own
 * subclass instead of the class reading the environment when it is imported. The subclass inherits
 * its dependencies from the constructor metadata that the class's own `@Injectable()` emits.
 * A job whose worker died is re-delivered once its lock expires and a stalled-job check, run as
 * often, finds it.
 */
export function processorFor<T extends ProcessorClass>(
  processor: T,
  queue: QueueName,
  config: TollgateConfig,
  options: Partial<WorkerOptions> = {},
): T {
  @Processor(queue, {
    lockDuration: config.workerLockDurationMs,
    stalledInterval: config.workerLockDurationMs,
    ...options,
  })
  class ConfiguredProcessor extends processor {}
  Object.defineProperty(ConfiguredProcessor, 'name', { value: processor.name });
  return ConfiguredProcessor;
}
