import { Injectable, Logger } from '@nestjs/common';
import { AccessStateStore } from '@tollgate/access-state';
import { AccountsService } from '@tollgate/credentials';

/**
 * Lifts every lockout of an account at once, the account-wide one and every token's, and waives
 * each of its quotas' hard limits for the rest of the current day and month. The waivers are
 * recorded in Mongo before Redis (the access state does both), so a rebuilt state keeps them.
 */
@Injectable()
export class LockoutsService {
  private readonly logger = new Logger(LockoutsService.name);

  constructor(
    private readonly accounts: AccountsService,
    private readonly state: AccessStateStore,
  ) {}

  async unlock(accountId: string): Promise<number> {
    const account = await this.accounts.getById(accountId);
    const removed = await this.state.unlock(accountId, account.quotas);
    this.logger.log({ accountId, removed }, 'lockouts lifted');
    return removed;
  }
}
