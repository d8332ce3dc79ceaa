import { randomBytes } from 'node:crypto';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { AccessStateEvents, type TokenSlotOutcome, type TokenSlotRequest } from '@tollgate/access-state';
import { AuditTrail } from '@tollgate/audit';
import { AuthFailuresService } from '@tollgate/auth-failures';
import { Clock } from '@tollgate/clock';
import { MetricsService } from '@tollgate/metrics';
import { SharedReads } from '@tollgate/persistence';
import {
  type Account,
  AccountsService,
  type AuthenticatedClient,
  IpNotAllowedError,
  SecretHasher,
  tokenThrottle,
} from '@tollgate/credentials';
import { BearerError, NotFoundError, OAuthError } from '@tollgate/domain-errors';
import { PendingTokens } from './pending-tokens';
import type { Principal } from './principal';
import { TokenCache } from './token-cache';
import { TokenRevocationsStore } from './token-revocations.store';
import type { TokenRecord, TokenSummary } from './token.types';
import { TokensRepository } from './tokens.repository';

type TokenSlot = Omit<TokenSlotRequest, 'known'>;

/** `tgt_` + 43 base64url characters: 256 random bits. Anything else is refused before any lookup. */
const TOKEN_FORMAT = /^tgt_[A-Za-z0-9_-]{43}$/;

/** A deleted account is "no account"; anything else (the store being away) is not a verdict on the token. */
const notFoundAsUndefined = (err: unknown): undefined => {
  if (err instanceof NotFoundError) return undefined;
  throw err;
};

export interface IssuedToken {
  accessToken: string;
  tokenId: string;
  expiresIn: number;
  expiresAt: Date;
  scopes: string[];
}

export interface Introspection {
  active: boolean;
  scope?: string;
  client_id?: string;
  username?: string;
  token_type?: string;
  exp?: number;
  iat?: number;
  sub?: string;
  jti?: string;
  /** The account's metadata (never used for a decision). */
  tollgate_metadata?: Record<string, string>;
}

@Injectable()
export class TokensService {
  private readonly logger = new Logger(TokensService.name);
  private readonly cache = new TokenCache();
  private readonly seedReads = new SharedReads<string, { id: string; expiresAt: number }[]>();
  /** Accounts (and generations) whose live-token set was already checked against Mongo after a "full". */
  private readonly resynced = new Set<string>();

  constructor(
    private readonly tokens: TokensRepository,
    private readonly pending: PendingTokens,
    private readonly accounts: AccountsService,
    private readonly hasher: SecretHasher,
    private readonly revocations: TokenRevocationsStore,
    private readonly clock: Clock,
    private readonly metrics: MetricsService,
    events: AccessStateEvents,
    private readonly failures?: AuthFailuresService,
    // Every revocation of one token is in the audit log (who: the operator or CLI acting, or the client itself).
    @Optional() private readonly audit?: AuditTrail,
  ) {
    // The account's Redis state was rebuilt: drop what this process cached under the old one.
    events.onEpochChange((accountId) => this.cache.forgetAccount(accountId));
  }

  /**
   * Issues an access token for an authenticated client. `scope` is the space-separated request
   * (RFC 6749 3.3); absent means every scope of the account. The account's `maxActiveTokens` is
   * exact across instances: a slot is reserved atomically in Redis before the token is stored.
   *
   * Steady state: two Redis calls (the slot, which also proves the caller's copy of the account
   * current; the record, which PendingTokens moves to Mongo in batches right after) and no store
   * call; the store is read only when the copy is not current (`refresh`: the record, and the secret
   * checked again), or to seed a live-token set Redis lacks.
   *
   * `clientAddress` is checked against the account's `allowedIps` here, after the client
   * authenticated, so a 403 never tells an unauthenticated caller that a client exists. A copy that
   * refuses the address is read again first (it may predate a write that added it); a copy that
   * allows it is proved current by the slot reservation like the rest of the copy.
   */
  async issue(
    client: Pick<AuthenticatedClient, 'account' | 'fromCopy' | 'refresh'>,
    scope: string | undefined,
    via: TokenRecord['via'],
    clientAddress?: string,
  ): Promise<IssuedToken> {
    let account = client.account;
    let fresh = !client.fromCopy;
    for (let attempt = 0; ; attempt++) {
      const allowed = this.addressAllowed(account, clientAddress);
      if (!allowed && fresh) throw new IpNotAllowedError();
      if (allowed) {
        const issued = await this.tryIssue(account, fresh, this.grantedScopes(account, scope), via);
        if (issued !== 'stale-generation' && issued !== 'stale-copy') return issued;
      }
      // The account changed (a rotation, a policy change, revoke-all, a disable) since the copy or
      // the read: decide again on the record. A secret rotated away or a disabled account fails here.
      if (attempt >= 3) throw new OAuthError('temporarily_unavailable', 'the account changed while issuing; retry');
      account = await client.refresh();
      fresh = true;
    }
  }

  private addressAllowed(account: Account, clientAddress: string | undefined): boolean {
    try {
      this.accounts.assertAddressAllowed(account, clientAddress);
      return true;
    } catch (err) {
      if (err instanceof IpNotAllowedError) return false;
      throw err;
    }
  }

  private async tryIssue(
    account: Account,
    fresh: boolean,
    scopes: string[],
    via: TokenRecord['via'],
  ): Promise<IssuedToken | 'stale-generation' | 'stale-copy'> {
    const now = this.clock.now();
    const accessToken = SecretHasher.generate('tgt_');
    const record: TokenRecord = {
      id: `tok_${randomBytes(12).toString('base64url')}`,
      accountId: account.id,
      tokenHash: this.hasher.hash('access-token', accessToken),
      scopes,
      issuedAt: new Date(now),
      expiresAt: new Date(now + account.tokenTtlSeconds * 1000),
      revokedAt: null,
      generation: account.tokenGeneration,
      // The main window only: burst and API windows are read from the account on every request.
      throttle: tokenThrottle(account.throttle),
      via,
    };
    const slot: TokenSlot = {
      accountId: account.id,
      generation: account.tokenGeneration,
      revision: account.revision,
      fresh,
      tokenId: record.id,
      expiresAt: record.expiresAt.getTime(),
      max: account.maxActiveTokens,
      now,
      revokeOldest: account.tokenLimit === 'revoke-oldest',
    };
    let outcome = await this.revocations.reserveSlot(slot);
    // The live-token set in Redis is the exact count; Mongo (the record) is read only to seed a set
    // Redis does not have (first token, all tokens expired, or a Redis that lost its data).
    const seeded = async () => this.revocations.reserveSlot({ ...slot, known: await this.liveInRecord(account, now) });
    if (outcome.result === 'seed-needed') outcome = await seeded();
    if (outcome.result === 'full') {
      outcome = await this.reserveAfterResync(account, slot);
      // Releasing every ended slot leaves no set at all: it is seeded like a first token's.
      if (outcome.result === 'seed-needed') outcome = await seeded();
    }
    const reserved = outcome.result;
    if (reserved === 'stale-generation' || reserved === 'stale-copy') return reserved;
    // revoke-oldest made room: the tokens it revoked are refused on every instance already (same
    // atomic step); the record says so before the new token is answered.
    if (outcome.revoked.length) await this.recordRevokedToMakeRoom(account, outcome.revoked, now);
    if (reserved !== 'reserved') {
      throw new OAuthError(
        'invalid_request',
        `the account already has its maximum of ${account.maxActiveTokens} active tokens; revoke one (POST /oauth/revoke) or wait for one to expire`,
      );
    }
    try {
      await this.pending.add(record);
    } catch (err) {
      await this.revocations.releaseSlot(account.id, record.id);
      throw err;
    }
    // With revoke-oldest, a later request may have revoked this very token to make room before its
    // record was added, and found no record to mark: the record is marked here. (A revocation after
    // this check finds the record: it flushes first.) The token is still answered: it was the newest
    // when its slot was taken and was then revoked by a newer one, as if the two requests had come
    // one after the other (a burst beyond the cap keeps the newest tokens).
    if (slot.revokeOldest && (await this.revocations.isRevoked(account.id, record.id))) {
      await this.pending.flush();
      await this.tokens.revokeById(account.id, record.id, new Date(this.clock.now()));
      this.cache.forgetTokenId(record.id);
    }
    this.metrics.tokensIssued.inc({ via });
    this.logger.log({ accountId: account.id, tokenId: record.id, via }, 'token issued');
    return { accessToken, tokenId: record.id, expiresIn: account.tokenTtlSeconds, expiresAt: record.expiresAt, scopes };
  }

  /**
   * Concurrent first issuances of one account (a client starting many workers) share one read: the
   * seed only fills a set Redis lacks, so a read a moment older than the caller's is as good.
   */
  private async liveInRecord(account: Account, now: number): Promise<{ id: string; expiresAt: number }[]> {
    const { value } = await this.seedReads.share(`${account.id}:${account.tokenGeneration}`, async () =>
      (await (await this.flushed()).listActive(account.id, new Date(now), account.tokenGeneration)).map((t) => ({
        id: t.id,
        expiresAt: t.expiresAt.getTime(),
      })),
    );
    return value;
  }

  /**
   * "Full" is checked against the record before it is answered: tokens of an older generation (the
   * account was disabled, which ends its tokens, then enabled again) may still hold slots; they are
   * released and the reservation tried once more (after every waiting record moved to Mongo). Only
   * the refusal path reads Mongo.
   */
  private async reserveAfterResync(account: Account, slot: TokenSlot): Promise<TokenSlotOutcome> {
    const full: TokenSlotOutcome = { result: 'full', revoked: [] };
    // Slots go stale only when the generation moves, so one check per account and generation is
    // enough: an account at its cap is then refused without reading Mongo on every attempt.
    // An account whose generation never moved has no such tokens: its refusal reads nothing (the
    // bench's one-account-to-its-cap run spent 0.6 s here reading the account's 1,000 live tokens).
    if (account.tokenGeneration === 0) return full;
    const checked = `${account.id}:${account.tokenGeneration}`;
    if (this.resynced.has(checked)) return full;
    if (this.resynced.size >= 100_000) this.resynced.clear();
    this.resynced.add(checked);
    let ended: string[];
    try {
      ended = await (
        await this.flushed()
      ).listLiveBelowGeneration(account.id, new Date(slot.now), account.tokenGeneration);
    } catch (err) {
      this.resynced.delete(checked); // (not checked: the next refusal tries again)
      throw err;
    }
    if (!ended.length) return full;
    for (const id of ended) await this.revocations.releaseSlot(account.id, id);
    return this.revocations.reserveSlot(slot);
  }

  /** The record of tokens revoke-oldest revoked in Redis to make room (Redis already refuses them). */
  private async recordRevokedToMakeRoom(
    account: Account,
    revoked: TokenSlotOutcome['revoked'],
    now: number,
  ): Promise<void> {
    const revokedAt = new Date(now);
    await this.pending.flush();
    for (const t of revoked) {
      await this.tokens.revokeById(account.id, t.tokenId, revokedAt);
      this.cache.forgetTokenId(t.tokenId);
      this.logger.log(
        { accountId: account.id, tokenId: t.tokenId },
        'token revoked to make room (tokenLimit revoke-oldest)',
      );
      await this.audited(
        t.tokenId,
        account.id,
        revokedAt,
        { kind: 'client', name: `client:${account.clientId}` },
        account.name,
      );
    }
  }

  /**
   * The principal of a bearer token, or a BearerError. Steady state: no I/O at all (the cache);
   * revocation, disabling and generation are checked by the admission script in Redis.
   */
  async authenticate(token: string, clientAddress?: string): Promise<Principal> {
    const now = this.clock.now();
    // The in-process cache is keyed by the token itself, so a hit costs no HMAC (nor a format check:
    // only well-formed tokens get in); the keyed hash is needed only to look the token up in Mongo.
    let principal = this.cache.get(token, now);
    if (!principal) {
      if (!TOKEN_FORMAT.test(token)) throw new BearerError('invalid_token', 'the access token is malformed');
      if (this.cache.isKnownBad(token)) throw new BearerError('invalid_token', 'the access token is unknown');
      const lookup = () => this.load(token, this.hasher.hash('access-token', token), now);
      // With the caller's address, store lookups of tokens that turn out unknown are counted per
      // address and refused past the limit, so guessing tokens cannot become a flood of store reads.
      principal =
        clientAddress !== undefined && this.failures
          ? await this.failures.guard(clientAddress, lookup, (err) => err instanceof BearerError)
          : await lookup();
      this.cache.set(token, principal, now);
    }
    if (principal.expiresAt <= now) throw new BearerError('invalid_token', 'the access token has expired');
    return principal;
  }

  /** RFC 7009: revoke the client's own token; unknown or foreign tokens change nothing and are not reported. */
  async revokeByValue(account: Account, token: string): Promise<void> {
    if (!TOKEN_FORMAT.test(token)) return;
    const record = await (await this.flushed()).findByHash(this.hasher.hash('access-token', token));
    if (!record || record.accountId !== account.id) return;
    await this.revokeRecord(record, { kind: 'client', name: `client:${account.clientId}` }, account.name);
  }

  /**
   * A customer revoking one of its own tokens (the token it calls with included). Another account's
   * token and an unknown id are the same 404: the answer never tells whether a token id exists.
   */
  async revokeOwn(account: Account, tokenId: string): Promise<void> {
    const record = /^[A-Za-z0-9_-]{1,64}$/.test(tokenId)
      ? await (await this.flushed()).findById(account.id, tokenId)
      : null;
    if (!record) throw new NotFoundError('token', tokenId);
    await this.revokeRecord(record, { kind: 'client', name: `client:${account.clientId}` }, account.name);
  }

  async revokeById(tokenId: string): Promise<void> {
    const accountId = await (await this.flushed()).findAccountIdOfToken(tokenId);
    const record = accountId ? await this.tokens.findById(accountId, tokenId) : null;
    if (!record) throw new NotFoundError('token', tokenId);
    await this.revokeRecord(record);
  }

  /** Revokes every token of the account at once: generation bump (Redis, immediate) plus Mongo marks. */
  async revokeAll(account: Account): Promise<number> {
    await this.accounts.bumpTokenGeneration(account.id);
    await this.revocations.clearSlots(account.id);
    const count = await (await this.flushed()).revokeAll(account.id, new Date(this.clock.now()));
    this.cache.forgetAccount(account.id);
    this.logger.log({ accountId: account.id, count }, 'all tokens revoked');
    return count;
  }

  /** Revoked tokens of the account that have not expired (at or above `minGeneration`): for rebuilding its Redis state. */
  async revokedUnexpired(
    accountId: string,
    minGeneration: number,
    now: number,
  ): Promise<{ tokenId: string; expiresAt: number }[]> {
    const records = await this.tokens.listRevokedUnexpired(accountId, new Date(now), minGeneration);
    return records.map((r) => ({ tokenId: r.id, expiresAt: r.expiresAt.getTime() }));
  }

  async listActive(account: Account): Promise<TokenSummary[]> {
    const records = await (
      await this.flushed()
    ).listActive(account.id, new Date(this.clock.now()), account.tokenGeneration);
    return records.map((r) => ({
      tokenId: r.id,
      scopes: r.scopes,
      issuedAt: r.issuedAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      via: r.via,
    }));
  }

  /** RFC 7662. `owner` restricts the answer to that account's tokens (others are `active: false`). */
  async introspect(token: string, owner: Account | undefined): Promise<Introspection> {
    if (!TOKEN_FORMAT.test(token)) return { active: false };
    const record = await this.findByHash(this.hasher.hash('access-token', token));
    if (!record || (owner && record.accountId !== owner.id)) return { active: false };
    const account = owner ?? (await this.accounts.getById(record.accountId).catch(notFoundAsUndefined));
    if (!account || !this.isLive(record, account, this.clock.now())) return { active: false };
    return {
      active: true,
      scope: record.scopes.join(' '),
      client_id: account.clientId,
      username: account.name,
      token_type: 'Bearer',
      exp: Math.floor(record.expiresAt.getTime() / 1000),
      iat: Math.floor(record.issuedAt.getTime() / 1000),
      sub: account.id,
      jti: record.id,
      tollgate_metadata: account.metadata,
    };
  }

  private async revokeRecord(
    record: TokenRecord,
    actor?: { kind: 'client'; name: string },
    accountName?: string,
  ): Promise<void> {
    const revokedAt = new Date(this.clock.now());
    await this.tokens.revoke(record.accountId, record.tokenHash, revokedAt);
    await this.revocations.markRevoked(record.accountId, record.id, record.expiresAt);
    this.cache.forgetTokenId(record.id);
    this.logger.log({ accountId: record.accountId, tokenId: record.id }, 'token revoked');
    await this.audited(record.id, record.accountId, revokedAt, actor, accountName);
  }

  /** A revocation in the audit log; a failure to record it is logged, never undoes the revocation. */
  private async audited(
    tokenId: string,
    accountId: string,
    revokedAt: Date,
    actor?: { kind: 'client'; name: string },
    accountName?: string,
  ): Promise<void> {
    await this.audit
      ?.record({
        action: 'token.revoke',
        actor,
        target: { type: 'token', id: tokenId },
        accountId,
        accountName,
        changes: [{ field: 'revokedAt', before: null, after: revokedAt.toISOString() }],
      })
      .catch((err: unknown) =>
        this.logger.error({ tokenId, err: (err as Error)?.message }, 'token revoked but not recorded in the audit log'),
      );
  }

  /**
   * A token's record wherever it is: Redis first, then Mongo. Records leave Redis only once Mongo
   * has them, so this order never misses one that is moving (the other order could).
   */
  private async findByHash(hash: string): Promise<TokenRecord | null> {
    let redisError: unknown;
    const waiting = await this.pending.find(hash).catch((err: unknown) => {
      redisError = err;
      return null;
    });
    if (waiting) return waiting;
    const stored = await this.tokens.findByHash(hash);
    // Without Redis's answer a token Mongo lacks may still be waiting there: not a verdict (a 503,
    // never "unknown", which would be remembered).
    if (!stored && redisError !== undefined) throw redisError;
    return stored;
  }

  /** The repository once every token record issued so far is in it (see PendingTokens). */
  private async flushed(): Promise<TokensRepository> {
    await this.pending.flush();
    return this.tokens;
  }

  private async load(token: string, hash: string, now: number): Promise<Principal> {
    const record = await this.findByHash(hash);
    if (!record || record.revokedAt) {
      this.cache.rememberBad(token);
      throw new BearerError(
        'invalid_token',
        record ? 'the access token has been revoked' : 'the access token is unknown',
      );
    }
    if (record.expiresAt.getTime() <= now) throw new BearerError('invalid_token', 'the access token has expired');
    const account = await this.accounts.getById(record.accountId).catch(notFoundAsUndefined);
    if (!account || !this.isLive(record, account, now))
      throw new BearerError('invalid_token', 'the access token is no longer valid');
    return {
      accountId: account.id,
      tokenId: record.id,
      scopes: record.scopes,
      issuedAt: record.issuedAt.getTime(),
      expiresAt: record.expiresAt.getTime(),
      generation: record.generation,
      throttle: record.throttle,
      allowedOrigins: account.allowedOrigins,
      allowedIps: account.allowedIps,
      accountRevision: account.revision,
    };
  }

  private isLive(record: TokenRecord, account: Account, now: number): boolean {
    return (
      !record.revokedAt &&
      record.expiresAt.getTime() > now &&
      account.status === 'active' &&
      record.generation >= account.tokenGeneration
    );
  }

  private grantedScopes(account: Account, scope: string | undefined): string[] {
    if (scope === undefined || scope.trim() === '') return account.scopes;
    const requested = [...new Set(scope.trim().split(/ +/))];
    const unknown = requested.filter((s) => !account.scopes.includes(s));
    if (unknown.length)
      throw new OAuthError('invalid_scope', `scope not allowed for this client: ${unknown.join(' ')}`);
    return requested;
  }
}
