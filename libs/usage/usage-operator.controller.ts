import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { AccountsService, OperatorKeyGuard } from '@tollgate/credentials';
import { parseUsageQuery } from './usage-period';
import { UsageService } from './usage.service';

@Controller('operator/v1/accounts')
@UseGuards(OperatorKeyGuard)
export class UsageOperatorController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly usage: UsageService,
  ) {}

  /** The same report as the customer's, for any account, with a per-token breakdown. */
  @Get(':idOrName/usage')
  async report(@Param('idOrName') idOrName: string, @Query() query: Record<string, unknown>) {
    const { period, start, end } = parseUsageQuery(query);
    const account = await this.accounts.get(idOrName);
    return this.usage.report(account.id, period, start, end, true);
  }
}
