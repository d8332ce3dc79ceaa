import type { ChangeFeed } from '@tollgate/persistence';
import type { Account } from './account.types';

/** Logins kept (least recently used dropped first): a few MB at most. */
const MAX_COPIES = 10_000;
/**
 * A copy is read again at least this often. Not what keeps it correct (the issuer's revision check in
 * Redis does that): the bound on a copy's life if a write's Redis step failed after its Mongo step.
 */
const MAX_AGE_MS = 60_000;

/**
 * This process's copies of accounts by login (client ID or name), for token issuance only. A copy is
 * never a verdict on its own: it lets an issuer skip the store read when the presented secret matches
 * it, and the issuance then proves the copy current (its revision against the record's, in the same
 * atomic Redis step that reserves the token's slot) or reads the record again.
 */
export class ClientCopies {
  private readonly copies = new Map<string, { account: Account; at: number }>();

  /**
   * `feed`: the change feed's connection is this process's view of Redis; when it drops (a restart,
   * a failover to a replica that may lack the last revision raise), every copy goes, and none is used
   * until it is back, so the first issuances after it read the record and re-establish the revision.
   */
  constructor(private readonly feed?: ChangeFeed) {}

  private listening = false;

  get(login: string): Account | undefined {
    if (this.feed && !this.listening) {
      // Subscribed on first use: processes that never issue tokens (CLI, seed) open no connection.
      this.listening = true;
      this.feed.listen('account-copies', { changed: () => undefined, reset: () => this.clear() });
    }
    if (this.feed && !this.feed.isLive) return undefined;
    const hit = this.copies.get(login);
    if (!hit) return undefined;
    this.copies.delete(login);
    if (Date.now() - hit.at >= MAX_AGE_MS) return undefined;
    // Least recently used goes first: re-insert to move the login to the end.
    this.copies.set(login, hit);
    return hit.account;
  }

  keep(login: string, account: Account): void {
    const current = this.copies.get(login);
    // Never replace a newer copy by an older read that finished later.
    if (current && current.account.revision > account.revision) return;
    this.copies.delete(login);
    if (this.copies.size >= MAX_COPIES) this.copies.delete(this.copies.keys().next().value as string);
    this.copies.set(login, { account, at: Date.now() });
  }

  /** This process wrote the account: its copies go at once (others learn it from the revision). */
  dropAccount(accountId: string): void {
    for (const [login, c] of this.copies) if (c.account.id === accountId) this.copies.delete(login);
  }

  clear(): void {
    this.copies.clear();
  }
}
