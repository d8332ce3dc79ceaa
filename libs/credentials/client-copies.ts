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

  get(login: string): Account | undefined {
    const hit = this.copies.get(login);
    if (!hit) return undefined;
    if (Date.now() - hit.at >= MAX_AGE_MS) {
      this.copies.delete(login);
      return undefined;
    }
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

  drop(login: string): void {
    this.copies.delete(login);
  }
}
