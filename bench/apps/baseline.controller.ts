import { Controller, Get, Req, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { XmlRoot } from '@tollgate/http';
import { Public } from '@tollgate/tokens';
import { BASELINE_STRATEGY, type BaselineUser } from './baseline-bearer.strategy';
import { BaselineThrottlerGuard } from './baseline-throttler.guard';
import { BENCH_LIMIT, limitsBody } from './limits-body';

/**
 * The same trivial route behind the baseline's guards: passport (token looked up in Mongo), then
 * the throttler (Redis). `@Public()` opts it out of the product's own guards, which would
 * otherwise run first.
 */
@Controller('api/v1/bench/baseline')
@Public()
@UseGuards(AuthGuard(BASELINE_STRATEGY), BaselineThrottlerGuard)
export class BaselineController {
  @Get()
  @XmlRoot('limits')
  limits(@Req() req: { user: BaselineUser }) {
    return limitsBody(req.user.accountId, req.user.tokenHash.slice(0, 16), BENCH_LIMIT);
  }
}
