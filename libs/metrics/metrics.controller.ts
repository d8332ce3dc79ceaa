import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { OperatorKeyGuard } from '@tollgate/credentials';
import { MetricsService } from './metrics.service';

/** Prometheus scrape endpoint, behind the operator key (`X-Operator-Key`, or `Authorization: Bearer <key>`). */
@Controller('metrics')
@UseGuards(OperatorKeyGuard)
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.render();
  }
}
