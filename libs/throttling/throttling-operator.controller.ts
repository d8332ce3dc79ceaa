import { ApiTags } from '@nestjs/swagger';
import { ApiOperator } from '@tollgate/api-docs';
import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { AccountsService, OperatorKeyGuard } from '@tollgate/credentials';
import { LockoutsService } from './lockouts.service';

@Controller('operator/v1/accounts')
@UseGuards(OperatorKeyGuard)
@ApiTags('operator: accounts')
@ApiOperator()
export class ThrottlingOperatorController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly lockouts: LockoutsService,
  ) {}

  /** Lifts every throttling lockout of the account (and quota lockouts) at once. */
  @Post(':idOrName/unlock')
  @HttpCode(200)
  async unlock(@Param('idOrName') idOrName: string) {
    const account = await this.accounts.get(idOrName);
    return { accountId: account.id, lifted: await this.lockouts.unlock(account.id) };
  }
}
