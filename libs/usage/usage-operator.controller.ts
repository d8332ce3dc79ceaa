import { Operator } from '@tollgate/http';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { AccountsService } from '@tollgate/credentials';
import { OperatorUsageReportDto } from './dto/operator-usage-report.dto';
import { parseUsageQuery, USAGE_PERIODS } from './usage-period';
import { UsageService } from './usage.service';

@Controller('operator/v1/accounts')
@ApiTags('operator: usage')
@Operator()
export class UsageOperatorController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly usage: UsageService,
  ) {}

  /** The same report as the customer's, for any account, with a per-token breakdown. */
  @Get(':idOrName/usage')
  @ApiOperation({ summary: "An account's usage, per token" })
  @ApiOkResponse({ type: OperatorUsageReportDto })
  @ApiQuery({ name: 'period', enum: USAGE_PERIODS })
  @ApiQuery({
    name: 'start',
    description: 'YYYY-MM-DDTHH (UTC hour), YYYY-MM-DD, YYYY-MM or YYYY matching the period (inclusive)',
  })
  @ApiQuery({ name: 'end', description: 'same format as start (inclusive); at most 400 buckets, 48 hours' })
  async report(@Param('idOrName') idOrName: string, @Query() query: Record<string, unknown>) {
    const { period, start, end } = parseUsageQuery(query);
    const account = await this.accounts.get(idOrName);
    return this.usage.report(account.id, period, start, end, true);
  }
}
