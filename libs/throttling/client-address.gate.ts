import { Injectable, Logger } from '@nestjs/common';
import { AccessStateStore } from '@tollgate/access-state';
import { AccountsService, IpNotAllowedError } from '@tollgate/credentials';
import { IpAllowList } from '@tollgate/network-policy';
import { SharedReads } from '@tollgate/persistence';
import type { Principal } from '@tollgate/tokens';

/** Accounts whose allow list this process keeps (least recently used dropped first). */
const MAX_COPIES = 100_000;

/** This process's copy of what the request path needs from an account: its allow list, at a revision. */
export interface AccountCopy {
  readonly revision: number;
  readonly allowList: IpAllowList;
}

/**
 * The account allow list (`allowedIps`) on the request path, with no store call in steady state.
 *
 * Each process keeps a copy of the list per account with the record's revision, and checks the client
 * address against it before the admission script runs, so a refused request counts nowhere. The copy
 * is never trusted on its own: every account write raises the revision in the account's Redis state
 * before the operator's call returns (begin-account-write.lua, then Mongo, then raise-revision.lua),
 * and the admission script, the request's one Redis call, compares the copy's revision with it and
 * answers `stale-copy` (counting nothing) when the copy is older. The guard then reads the record and
 * checks the address again. So an address removed by a write that returned is refused on the next
 * request on every instance, and an address allowed by the copy costs nothing extra.
 *
 * A refusal is confirmed the same way before it is answered: the copy may predate a write that added
 * the address, so the account's revision is read from Redis (one HMGET in place of the admission
 * call) and the record is read only when the copy is older, or Redis cannot vouch for it.
 */
@Injectable()
export class ClientAddressGate {
  private readonly logger = new Logger(ClientAddressGate.name);
  private readonly copies = new Map<string, AccountCopy>();
  private readonly reads = new SharedReads<string, AccountCopy>();

  constructor(
    private readonly accounts: AccountsService,
    private readonly state: AccessStateStore,
  ) {}

  /** The copy to check a request with: in memory, or the one the principal was loaded with if newer. */
  copyFor(principal: Principal): AccountCopy {
    const held = this.copies.get(principal.accountId);
    if (held && held.revision >= principal.accountRevision) return held;
    return this.keep(principal.accountId, {
      revision: principal.accountRevision,
      allowList: IpAllowList.of(principal.allowedIps),
    });
  }

  /**
   * After `stale-copy`: the record, read again. `share`: join a read already in flight (it may have
   * begun before the write that made the copy stale; the admission script then says so once more).
   */
  async reload(accountId: string, share = true): Promise<AccountCopy> {
    const read = async (): Promise<AccountCopy> => {
      const account = await this.accounts.getById(accountId);
      return { revision: account.revision, allowList: IpAllowList.of(account.allowedIps) };
    };
    const copy = share ? (await this.reads.share(accountId, read)).value : await read();
    return this.keep(accountId, copy);
  }

  /**
   * The copy refuses `address`: 403 once a current copy agrees, or the copy that allows it (the
   * address was added by a write the copy predates). Redis away: the copy's refusal stands.
   */
  async confirmRefusal(accountId: string, copy: AccountCopy, address: string | undefined): Promise<AccountCopy> {
    let revision: number | null;
    try {
      revision = await this.state.scripts.revision(accountId);
    } catch (err) {
      this.logger.warn({ accountId, err: (err as Error)?.message }, 'allow list not confirmed (redis away); refusing');
      throw new IpNotAllowedError();
    }
    if (revision !== null && revision <= copy.revision) throw new IpNotAllowedError();
    // Read after Redis showed a newer revision (or could not vouch): not joined to an older read.
    const current = await this.reload(accountId, false);
    if (!current.allowList.allows(address)) throw new IpNotAllowedError();
    return current;
  }

  private keep(accountId: string, copy: AccountCopy): AccountCopy {
    const held = this.copies.get(accountId);
    // Never replace a newer copy by an older read that finished later.
    if (held && held.revision > copy.revision) return held;
    this.copies.delete(accountId);
    if (this.copies.size >= MAX_COPIES) this.copies.delete(this.copies.keys().next().value as string);
    this.copies.set(accountId, copy);
    return copy;
  }
}
