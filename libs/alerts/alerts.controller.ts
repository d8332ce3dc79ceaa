import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { XmlRoot } from '@tollgate/http';
import { CurrentPrincipal, type Principal } from '@tollgate/tokens';
import { AccountAdminProduct } from '@tollgate/usage';
import { AlertsService } from './alerts.service';
import { AlertPageDto } from './dto/alert-page.dto';
import { ListAlertsQuery } from './list-alerts.query';

/** A customer's own alerts (throttle and quota warnings, lockouts), newest first. */
@Controller('api/v1/admin/alerts')
@AccountAdminProduct()
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiOperation({
    summary: "The calling account's alerts",
    description: 'Throttle and quota warnings, lockouts and used-up quotas, newest first.',
  })
  @ApiOkResponse({ type: AlertPageDto })
  @XmlRoot('alerts')
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListAlertsQuery) {
    return this.alerts.page(principal.accountId, query);
  }
}
