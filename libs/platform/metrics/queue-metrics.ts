import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '@tollgate/queue';
import { MetricsService } from './metrics.service';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** Samples queue depth at each scrape (a few Redis reads, off the request path). */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    @InjectQueue(QueueName.Usage) private readonly usage: Queue,
    @InjectQueue(QueueName.Alerts) private readonly alerts: Queue,
  ) {}

  onModuleInit(): void {
    this.metrics.onScrape(async () => {
      for (const queue of [this.usage, this.alerts]) {
        const counts = await queue.getJobCounts(...STATES);
        for (const state of STATES) this.metrics.queueDepth.set({ queue: queue.name, state }, counts[state] ?? 0);
      }
    });
  }
}
