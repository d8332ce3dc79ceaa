import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '@tollgate/clock';
import { Operator } from '@tollgate/http';
import { DayTotalsDto } from './dto/day-totals.dto';
import { DayTotalsQuery } from './dto/day-totals.query';
import { UsageService } from './usage.service';

/** Usage across accounts: the operator console's overview and its account listing's "today" column. */
@Controller('operator/v1/usage')
@ApiTags('operator: usage')
@Operator()
export class UsageDayOperatorController {
  constructor(
    private readonly usage: UsageService,
    private readonly clock: Clock,
  ) {}

  @Get('day')
  @ApiOperation({
    summary: "One day's transactions per account, busiest first",
    description: 'The `limit` busiest accounts of the day, or the accounts named in `accounts`.',
  })
  @ApiOkResponse({ type: DayTotalsDto })
  async day(@Query() query: DayTotalsQuery): Promise<DayTotalsDto> {
    const day = query.day ?? new Date(this.clock.now()).toISOString().slice(0, 10);
    const limit = query.accounts ? query.accounts.length : (query.limit ?? 10);
    return {
      day,
      items: await this.usage.dayTotals(day, {
        limit,
        accountIds: query.accounts ? [...new Set(query.accounts)] : undefined,
      }),
    };
  }
}
