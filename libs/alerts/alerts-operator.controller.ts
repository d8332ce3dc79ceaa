import { Operator } from '@tollgate/http';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Query } from '@nestjs/common';
import { AccountsService } from '@tollgate/credentials';
import { AlertsService } from './alerts.service';
import { AlertPageDto } from './dto/alert-page.dto';
import { ListOperatorAlertsQuery } from './list-alerts.query';

@Controller('operator/v1/alerts')
@ApiTags('operator: alerts')
@Operator()
export class AlertsOperatorController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly accounts: AccountsService,
  ) {}

  /** Alerts of every account, or of one (`account=<id or name>`), newest first. */
  @Get()
  @ApiOperation({ summary: 'Alerts of every account, or of one', description: 'Newest first.' })
  @ApiOkResponse({ type: AlertPageDto })
  async list(@Query() query: ListOperatorAlertsQuery) {
    const accountId = query.account ? (await this.accounts.get(query.account)).id : undefined;
    return this.alerts.page(accountId, query);
  }
}
