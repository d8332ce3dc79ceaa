import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { XmlRoot } from '@tollgate/http';
import { CurrentPrincipal, type Principal } from '@tollgate/tokens';
import { ApiProduct } from './api-product.decorator';
import { UsageReportDto } from './dto/usage-report.dto';
import { parseUsageQuery } from './usage-period';
import { UsageService } from './usage.service';

/** InsideView's usage endpoint for the calling token's account. */
@Controller('api/v1/admin/usage')
@ApiProduct('admin')
export class UsageController {
  constructor(private readonly usage: UsageService) {}

  @Get()
  @ApiOperation({
    summary: "The calling account's usage",
    description:
      "Transactions per API per day, month or year (inclusive; at most 400 buckets), and this month's credits.",
  })
  @ApiOkResponse({ type: UsageReportDto })
  @ApiQuery({ name: 'period', enum: ['day', 'month', 'year'] })
  @ApiQuery({ name: 'start', description: 'YYYY-MM-DD, YYYY-MM or YYYY matching the period (inclusive)' })
  @ApiQuery({ name: 'end', description: 'same format as start (inclusive); at most 400 buckets' })
  @XmlRoot('usage')
  report(@CurrentPrincipal() principal: Principal, @Query() query: Record<string, unknown>) {
    const { period, start, end } = parseUsageQuery(query);
    return this.usage.report(principal.accountId, period, start, end);
  }
}
