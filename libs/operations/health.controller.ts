import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { type HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { DomainError } from '@tollgate/domain-errors';
import { Public } from '@tollgate/http';
import { HealthIndicators } from '@tollgate/persistence';

/**
 * Liveness says the process answers; readiness says it can serve, i.e. Mongo and Redis answer.
 * A 503 from readiness names the dependency that is down.
 */
/** Each dependency by name (`mongo`, `redis`): `up` or `down`, with a message when down. */
const DEPENDENCIES = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['up', 'down'] }, message: { type: 'string' } },
    required: ['status'],
  },
};

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
  @ApiOkResponse({
    schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } }, required: ['status'] },
  })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness', description: 'The store and Redis answer; a 503 names which is down.' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['ok'] },
        info: DEPENDENCIES,
        error: DEPENDENCIES,
        details: DEPENDENCIES,
      },
      required: ['status', 'details'],
    },
  })
  @ApiServiceUnavailableResponse({
    description: 'Mongo or Redis is down: `not_ready`, and `details` says which',
    schema: {
      type: 'object',
      properties: {
        error: { type: 'string', enum: ['not_ready'] },
        message: { type: 'string' },
        requestId: { type: 'string' },
        details: DEPENDENCIES,
      },
      required: ['error', 'message', 'requestId', 'details'],
    },
  })
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.indicators.mongo(), () => this.indicators.redisPing()]);
    } catch (err) {
      // Terminus throws its result in an HttpException; said as a domain error, the answer has the
      // API's error shape and still names the dependency that is down (the exception filter would
      // otherwise call any 5xx HttpException an internal error).
      if (!(err instanceof ServiceUnavailableException)) throw err;
      const result = err.getResponse() as HealthCheckResult;
      const down = Object.keys(result.error ?? {});
      throw new DomainError('unavailable', 'not_ready', `not ready: ${down.join(', ') || 'a dependency'} down`, {
        details: result.details,
      });
    }
  }
}
