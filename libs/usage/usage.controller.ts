import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { XmlRoot } from '@tollgate/http';
import { CurrentPrincipal, type Principal } from '@tollgate/tokens';
import { AccountAdminProduct } from './api-product.decorator';
import { UsageReportDto } from './dto/usage-report.dto';
import { parseUsageQuery, USAGE_PERIODS } from './usage-period';
import { UsageService } from './usage.service';

/** InsideView's usage endpoint for the calling token's account. */
@Controller('api/v1/admin/usage')
@AccountAdminProduct()
export class UsageController {
  constructor(private readonly usage: UsageService) {}

  @Get()
  @ApiOperation({
    summary: "The calling account's usage",
    description:
      "Transactions and credits (sum of the requests' costs) per API per hour, day, month or year (inclusive; at most 400 buckets, or 48 hours), and this month's credits.",
  })
  @ApiOkResponse({ type: UsageReportDto })
  @ApiQuery({ name: 'period', enum: USAGE_PERIODS })
  @ApiQuery({
    name: 'start',
    description: 'YYYY-MM-DDTHH (UTC hour), YYYY-MM-DD, YYYY-MM or YYYY matching the period (inclusive)',
  })
  @ApiQuery({ name: 'end', description: 'same format as start (inclusive); at most 400 buckets, 48 hours' })
  @XmlRoot('usage')
  report(@CurrentPrincipal() principal: Principal, @Query() query: Record<string, unknown>) {
    const { period, start, end } = parseUsageQuery(query);
    return this.usage.report(principal.accountId, period, start, end);
  }
}
