import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Operator } from '@tollgate/http';
import { MetricsService } from '@tollgate/metrics';

/** Prometheus scrape endpoint, behind the operator key (`X-Operator-Key`, or `Authorization: Bearer <key>`). */
@Controller('metrics')
@ApiTags('operations')
@Operator()
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @ApiProduces('text/plain')
  @ApiOperation({
    summary: 'Prometheus metrics',
    description: 'Also accepts the operator key as `Authorization: Bearer <OPERATOR_KEY>`.',
  })
  @ApiOkResponse({
    description: 'Prometheus text exposition format',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.render();
  }
}
