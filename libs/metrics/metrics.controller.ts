import { Operator } from '@tollgate/http';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MetricsService } from './metrics.service';

/** Prometheus scrape endpoint, behind the operator key (`X-Operator-Key`, or `Authorization: Bearer <key>`). */
@Controller('metrics')
@ApiTags('operations')
@Operator()
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format' })
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.render();
  }
}
