import { Injectable } from '@nestjs/common';
import { type AccessPeriod, type AccessRecord, AccessRecordSource } from '@tollgate/access-state';
import { accessPolicies, AccountsService } from '@tollgate/credentials';
import { NotFoundError } from '@tollgate/domain-errors';
import { TokensService } from '@tollgate/tokens';
import { UsageService } from '@tollgate/usage';

/**
 * An account's access record, read from the libraries that own each part: the account (disabled,
 * generation, quotas, windows, credits), its revoked tokens that have not expired, and the usage
 * already recorded in the current hour, day and month. Read only when Redis lost the account's state (never per request).
 */
@Injectable()
export class AccessRecordLoader extends AccessRecordSource {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tokens: TokensService,
    private readonly usage: UsageService,
  ) {
    super();
  }

  async load(accountId: string, period: AccessPeriod): Promise<AccessRecord | null> {
    const account = await this.accounts.getById(accountId).catch((err: unknown) => {
      if (err instanceof NotFoundError) return null;
      throw err;
    });
    if (!account) return null;
    const [revokedTokens, used] = await Promise.all([
      this.tokens.revokedUnexpired(accountId, account.tokenGeneration, period.now),
      this.usage.usedInPeriods(accountId, period),
    ]);
    return {
      disabled: account.status !== 'active',
      tokenGeneration: account.tokenGeneration,
      revision: account.revision,
      ...accessPolicies(account),
      revokedTokens,
      used,
    };
  }
}
