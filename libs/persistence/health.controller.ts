import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '@tollgate/http';
import { HealthIndicators } from './health.indicators';

/**
 * Liveness says the process answers; readiness says it can serve, i.e. Mongo and Redis answer.
 * A 503 from readiness names the dependency that is down.
 */
@Controller('health')
@Public()
@ApiTags('operations')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicators,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness', description: 'The process answers.' })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } }, required: ['status'] } })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness', description: 'The store and Redis answer; a 503 names which is down.' })
  @ApiServiceUnavailableResponse({ description: 'Mongo or Redis is down; the body names which' })
  @HealthCheck()
  ready() {
    return this.health.check([() => this.indicators.mongo(), () => this.indicators.redisPing()]);
  }
}
