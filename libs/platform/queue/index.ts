export * from './queue.contract';
export { jobOptions } from './job-options';
export { QueueModule } from './queue.module';
