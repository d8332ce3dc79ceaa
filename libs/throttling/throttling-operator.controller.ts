import { Audited, Operator } from '@tollgate/http';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { AccountsService } from '@tollgate/credentials';
import { UnlockResultDto } from './dto/unlock-result.dto';
import { LockoutsService } from './lockouts.service';

@Controller('operator/v1/accounts')
@ApiTags('operator: accounts')
@Operator()
export class ThrottlingOperatorController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly lockouts: LockoutsService,
  ) {}

  /** Lifts every throttling lockout of the account (and quota lockouts) at once. */
  @Post(':idOrName/unlock')
  @Audited('account.unlock', { subject: 'account', param: 'idOrName', detail: ['lifted'] })
  @ApiOperation({
    summary: "Lift an account's lockouts",
    description: 'Throttling lockouts, and used-up hard quotas for the rest of their period.',
  })
  @ApiOkResponse({ type: UnlockResultDto })
  @HttpCode(200)
  async unlock(@Param('idOrName') idOrName: string) {
    const account = await this.accounts.get(idOrName);
    return { accountId: account.id, lifted: await this.lockouts.unlock(account.id) };
  }
}
