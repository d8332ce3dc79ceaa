import { Injectable } from '@nestjs/common';
import { AccessStateStore } from '@tollgate/access-state';
import { accessPolicies, type Account } from './account.types';

/**
 * The account's side of its access state, called after each write to the account record in Mongo:
 * disabling an account, revoking all its tokens or changing its quotas takes effect on every API
 * instance before the operator call returns. The Redis keys and scripts belong to the access-state
 * library, which can rebuild all of this from the record if Redis loses it.
 */
@Injectable()
export class AccountStateStore {
  constructor(private readonly state: AccessStateStore) {}

  /** A new account: its complete state, so its first request needs no rebuild. */
  initialize(account: Account): Promise<void> {
    return this.state.initialize(account.id, accessPolicies(account), account.revision);
  }

  /** Before every write to the account record: issuers stop using their copies of the account. */
  beginWrite(accountId: string): Promise<void> {
    return this.state.beginAccountWrite(accountId);
  }

  /** After it: the record's new revision (null if nothing was written); copies at it may be used again. */
  endWrite(accountId: string, revision: number | null): Promise<void> {
    return this.state.endAccountWrite(accountId, revision);
  }

  setDisabled(accountId: string, disabled: boolean): Promise<void> {
    return this.state.setDisabled(accountId, disabled);
  }

  /**
   * Replaces the account's quotas, burst and API windows and credits where the admission script reads
   * them: effective on the next request (the main window is each token's own snapshot).
   */
  setPolicies(account: Account): Promise<void> {
    return this.state.setPolicies(account.id, accessPolicies(account));
  }

  /** Raises the generation below which tokens are refused; never lowers it. */
  raiseGeneration(accountId: string, generation: number): Promise<void> {
    return this.state.raiseGeneration(accountId, generation);
  }
}
