import { Controller, Get } from '@nestjs/common';
import { XmlRoot } from '@tollgate/http';
import { Public } from '@tollgate/tokens';
import { BENCH_LIMIT, limitsBody } from './limits-body';

/**
 * The trivial route with the product's guards opted out (`@Public()`: no token, no throttling, no
 * metering), mounted in the real API app: the ceiling the protected route is compared with.
 */
@Controller('api/v1/bench/bare')
@Public()
export class BareController {
  @Get()
  @XmlRoot('limits')
  limits() {
    return limitsBody('acc_bare', 'tok_bare', BENCH_LIMIT);
  }
}
