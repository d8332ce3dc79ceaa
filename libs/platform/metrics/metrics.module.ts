import { Global, Module } from '@nestjs/common';
import { MetricsService } from './metrics.service';
import { QueueMetrics } from './queue-metrics';

/** The process's metrics registry and its samplers; the scrape endpoint is mounted by `OperationsHttpModule`. */
@Global()
@Module({
  providers: [MetricsService, QueueMetrics],
  exports: [MetricsService],
})
export class MetricsModule {}
