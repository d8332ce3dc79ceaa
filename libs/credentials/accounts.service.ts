import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ChangeFeed, SharedReads } from '@tollgate/persistence';
import { AuthFailuresService } from '@tollgate/auth-failures';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { IpAllowList, normaliseAllowedIps, webhookTargetProblem } from '@tollgate/network-policy';
import { Clock } from '@tollgate/clock';
import { NotFoundError, OAuthError, ValidationFailedError } from '@tollgate/domain-errors';
import {
  type Account,
  type AccountPolicy,
  type CreditPolicy,
  type QuotaPolicy,
  type ThrottlePolicy,
  DEFAULT_SCOPES,
  DEFAULT_THROTTLE,
} from './account.types';
import { AccountStateStore } from './account-state.store';
import { AccountsRepository } from './accounts.repository';
import type { AccountPolicyDto, CreateAccountDto, UpdateAccountDto } from './dto/account-policy.dto';
import { DEFAULT_LIST_PAGE_SIZE, type ListAccountsQuery, listQueryProblems } from './dto/list-accounts.query';
import type { CreditPolicyDto, QuotaPolicyDto } from './dto/quota-policy.dto';
import type { ThrottlePolicyDto } from './dto/throttle-policy.dto';
import { ClientCopies } from './client-copies';
import { IpNotAllowedError } from './ip-not-allowed.error';
import { SecretHasher } from './secret-hasher';

const DEFAULT_GRACE_SECONDS = 24 * 3600;
/** Compared against when the client is unknown, so a miss costs the same time as a wrong secret. */
const DUMMY_HASH = '0'.repeat(64);

export interface AccountView {
  accountId: string;
  name: string;
  clientId: string;
  status: Account['status'];
  tokenTtlSeconds: number;
  maxActiveTokens: number;
  scopes: string[];
  throttle: ThrottlePolicy;
  quotas: QuotaPolicy[];
  /** Only when an allocation is set. */
  credits?: CreditPolicy;
  allowedOrigins: string[];
  allowedIps: string[];
  tokenLimit: Account['tokenLimit'];
  metadata: Record<string, string>;
  alertWebhookUrl: string | null;
  alertWebhookSecret: string;
  secrets: { id: string; createdAt: string; expiresAt: string | null }[];
  createdAt: string;
  updatedAt: string;
  /** Only on deleted accounts (the operator's listing with `status=deleted`). */
  deletedAt?: string;
}

/** An entry of the operator's account listing: the view without the webhook signing key. */
export type AccountListItem = Omit<AccountView, 'alertWebhookSecret'>;

export interface AccountPage {
  items: AccountListItem[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * A client authenticated for token issuance. `fromCopy`: checked against this process's copy of the
 * account, which the issuer must prove current (its `revision`) before acting on it, calling `refresh`
 * (a store read and a new check of the secret) when it is not.
 */
export interface AuthenticatedClient {
  account: Account;
  fromCopy: boolean;
  refresh(): Promise<Account>;
}

const randomId = (prefix: string, bytes: number) => `${prefix}${randomBytes(bytes).toString('base64url')}`;

/**
 * Account ids, names and client IDs are printable ASCII. Anything else names no account and is not
 * looked up: a NUL byte in a lookup key makes the store's PostgreSQL backend fail the query (a 500
 * where the answer is "no such client").
 */
const mayNameAnAccount = (key: string) => /^[\x21-\x7e]{1,256}$/.test(key);

@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);
  private readonly copies: ClientCopies;
  /** Issuers of one login that miss their copy at once (a client starting many workers) share one read. */
  private readonly loginReads = new SharedReads<string, Account | null>();

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly hasher: SecretHasher,
    private readonly state: AccountStateStore,
    private readonly clock: Clock,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
    @Optional() private readonly failures?: AuthFailuresService,
    @Optional() feed?: ChangeFeed,
  ) {
    this.copies = new ClientCopies(feed);
  }

  async create(dto: CreateAccountDto): Promise<{ account: Account; clientSecret: string }> {
    await this.checkWebhookTarget(dto.alertWebhookUrl);
    const now = new Date(this.clock.now());
    const clientSecret = SecretHasher.generate('tgs_');
    const account: Account = {
      id: randomId('acc_', 12),
      name: dto.name,
      clientId: randomId('tgc_', 16),
      secrets: [
        {
          id: randomId('sec_', 8),
          hash: this.hasher.hash('client-secret', clientSecret),
          createdAt: now,
          expiresAt: null,
        },
      ],
      status: 'active',
      ...this.mergePolicy(undefined, dto),
      alertWebhookSecret: randomId('whsec_', 24),
      tokenGeneration: 0,
      revision: 0,
      createdAt: now,
      updatedAt: now,
    };
    await this.accounts.insert(account);
    await this.state.initialize(account);
    this.logger.log({ accountId: account.id, name: account.name }, 'account created');
    return { account, clientSecret };
  }

  /** An account by id (`acc_…`) or by name. A deleted account is not found. */
  async get(idOrName: string): Promise<Account> {
    if (!mayNameAnAccount(idOrName)) throw new NotFoundError('account', idOrName);
    const account = idOrName.startsWith('acc_')
      ? await this.accounts.findById(idOrName)
      : await this.accounts.findByName(idOrName);
    if (!account || account.status === 'deleted') throw new NotFoundError('account', idOrName);
    return account;
  }

  /**
   * The operator's listing: by name prefix (`search`), by status (without one: every account not
   * deleted), in name order, one page at a time. Checked here too for callers that are not HTTP.
   */
  async list(query: ListAccountsQuery): Promise<AccountPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_LIST_PAGE_SIZE;
    const problems = listQueryProblems(query.search, query.status, page, pageSize);
    if (problems.length) throw new ValidationFailedError(problems);
    const { items, total } = await this.accounts.page(
      { search: query.search?.toLowerCase(), status: query.status },
      { page, pageSize },
    );
    return {
      items: items.map((a) => {
        const { alertWebhookSecret: _key, ...item } = this.view(a);
        return item;
      }),
      page,
      pageSize,
      total,
    };
  }

  /**
   * Deletes an account for good. Its tokens end at once on every instance, as when it is disabled:
   * one record update says `deleted` (secrets and webhook removed) and moves the generation, then
   * Redis raises the generation and refuses the account. The record is written before Redis, so a
   * Redis that lost its memory rebuilds the account as disabled with the new generation; a failure
   * between the two is answered with an error and the operator deletes again. The record stays so
   * usage stays attributable and the name and client ID are never given to another account.
   */
  async delete(idOrName: string): Promise<Account> {
    const current = await this.get(idOrName);
    // Deleted, with the generation moved (every token ends), in one Mongo update; then the
    // generation and the refusal in Redis.
    const deleted = await this.accountWrite(current.id, async () => {
      const written = await this.accounts.markDeleted(current.id, new Date(this.clock.now()));
      if (!written) throw new NotFoundError('account', idOrName);
      await this.state.raiseGeneration(current.id, written.tokenGeneration);
      await this.state.setDisabled(current.id, true);
      return written;
    });
    this.logger.log({ accountId: current.id, name: current.name }, 'account deleted');
    return deleted;
  }

  async getById(accountId: string): Promise<Account> {
    const account = await this.accounts.findById(accountId);
    if (!account) throw new NotFoundError('account', accountId);
    return account;
  }

  async update(idOrName: string, dto: UpdateAccountDto): Promise<Account> {
    const current = await this.get(idOrName);
    await this.checkWebhookTarget(dto.alertWebhookUrl);
    const { status, ...policyDto } = dto;
    const patch: Partial<AccountPolicy> & { status?: Account['status'] } = this.mergePolicy(current, policyDto, true);
    if (status) patch.status = status;
    // Disabling ends every token issued before it: status and generation change in one Mongo update
    // (so no reader ever sees the account active under the new generation, which would let it issue
    // tokens that re-enabling brings back), then the generation and the flag in Redis.
    const disabling = status === 'disabled';
    const updated = await this.accountWrite(current.id, async () => {
      const written = await this.accounts.updatePolicy(current.id, patch, new Date(this.clock.now()), disabling);
      if (!written) throw new NotFoundError('account', idOrName);
      if (disabling) await this.state.raiseGeneration(current.id, written.tokenGeneration);
      if (status) await this.state.setDisabled(current.id, disabling);
      if (patch.quotas || patch.throttle || patch.credits !== undefined) await this.state.setPolicies(written);
      return written;
    });
    this.logger.log({ accountId: current.id, fields: Object.keys(dto) }, 'account updated');
    return updated;
  }

  /**
   * Issues a new secret; the ones in use keep working for `graceSeconds` (default 24 h) so clients
   * can roll over without downtime. Secrets already past their grace are dropped.
   */
  async rotateSecret(
    idOrName: string,
    graceSeconds = DEFAULT_GRACE_SECONDS,
  ): Promise<{ account: Account; clientSecret: string; secretId: string }> {
    const account = await this.get(idOrName);
    const now = this.clock.now();
    const live = account.secrets.filter((s) => !s.expiresAt || s.expiresAt.getTime() > now);
    const graceEnd = new Date(now + graceSeconds * 1000);
    const retire = live.map((s) => ({
      id: s.id,
      expiresAt: s.expiresAt && s.expiresAt < graceEnd ? s.expiresAt : graceEnd,
    }));
    const clientSecret = SecretHasher.generate('tgs_');
    const secret = {
      id: randomId('sec_', 8),
      hash: this.hasher.hash('client-secret', clientSecret),
      createdAt: new Date(now),
      expiresAt: null,
    };
    const rotated = await this.accountWrite(account.id, async () => {
      const written = await this.accounts.rotateSecret(account.id, secret, retire, live, new Date(now));
      if (!written) throw new NotFoundError('account', idOrName);
      return written;
    });
    this.logger.log({ accountId: account.id, graceSeconds }, 'client secret rotated');
    return { account: rotated, clientSecret, secretId: secret.id };
  }

  /**
   * Client authentication for the token, revocation and introspection endpoints. `login` is the
   * client ID or the account name (its alias). Every failure is the same `invalid_client`. With the
   * caller's address, failures are counted per address and too many are refused (429).
   */
  async authenticateClient(login: string, secret: string, clientAddress?: string): Promise<Account> {
    return (await this.guarded(clientAddress, () => this.checkClient(login, secret))).account;
  }

  /**
   * Client authentication for token issuance, which may use this process's copy of the account: when
   * the secret matches a live secret of an active copy, no store read. The issuer proves the copy
   * current in its one Redis step and calls `refresh` when it is not (see AuthenticatedClient). Any
   * other outcome (no copy, a secret the copy does not know, which may be one just rotated in, a copy
   * that says disabled) is decided by the record, exactly as authenticateClient decides it.
   */
  async authenticateClientForIssuance(
    login: string,
    secret: string,
    clientAddress?: string,
  ): Promise<AuthenticatedClient> {
    const { account, fromCopy } = await this.guarded(clientAddress, () => this.checkClient(login, secret, true));
    return { account, fromCopy, refresh: () => this.authenticateClient(login, secret, clientAddress) };
  }

  /** Guessing is slow: an address that failed too often is refused before any store call. */
  private guarded<T>(clientAddress: string | undefined, check: () => Promise<T>): Promise<T> {
    if (clientAddress === undefined || !this.failures) return check();
    return this.failures.guard(
      clientAddress,
      check,
      (err) => err instanceof OAuthError && err.error === 'invalid_client',
    );
  }

  /**
   * From the record: one primary-key read (found or not) and at least one HMAC comparison, whatever
   * the outcome, so the work does not tell whether a client exists. With `useCopy`, a matching copy
   * answers instead (the caller proves it current).
   */
  private async checkClient(
    login: string,
    secret: string,
    useCopy = false,
  ): Promise<{ account: Account; fromCopy: boolean }> {
    const now = this.clock.now();
    if (useCopy) {
      const copy = this.copies.get(login);
      if (copy && copy.status === 'active' && this.matchingSecret(copy, secret, now))
        return { account: copy, fromCopy: true };
    }
    let account: Account | null = null;
    let joined = false;
    if (mayNameAnAccount(login)) {
      // Only issuers (which prove what they read current in Redis) share a read; a joined read began
      // before this request did, so it counts as a copy, not as a read made just now.
      if (useCopy)
        ({ value: account, joined } = await this.loginReads.share(login, () => this.accounts.findByLogin(login)));
      else account = await this.accounts.findByLogin(login);
    }
    if (account) this.copies.keep(login, account);
    const matched = this.matchingSecret(account, secret, now);
    // A deleted account is no client at all (its secrets are gone too): the same invalid_client.
    if (!account || account.status === 'deleted' || !matched)
      throw new OAuthError('invalid_client', 'client authentication failed');
    return { account: this.active(account), fromCopy: joined };
  }

  /** Whether `secret` is one of the account's live secrets; always at least one constant-time comparison. */
  private matchingSecret(account: Account | null, secret: string, now: number): boolean {
    const live = account?.secrets.filter((s) => !s.expiresAt || s.expiresAt.getTime() > now) ?? [];
    let matched = false;
    for (const s of live.length ? live : [{ hash: DUMMY_HASH }])
      if (this.hasher.matches('client-secret', secret, s.hash)) matched = true;
    return matched && live.length > 0;
  }

  private active(account: Account): Account {
    if (account.status !== 'active') throw new OAuthError('unauthorized_client', 'the account is disabled');
    return account;
  }

  /**
   * Refuses (403 `ip_not_allowed`) a client address the account's `allowedIps` does not include. The
   * token endpoints call it only once the client is authenticated, so it never answers a caller who
   * could not have authenticated. Lists are parsed once per account object.
   */
  assertAddressAllowed(account: Account, address: string | undefined): void {
    if (!account.allowedIps.length) return;
    let list = this.allowLists.get(account);
    if (!list) this.allowLists.set(account, (list = IpAllowList.of(account.allowedIps)));
    if (!list.allows(address)) throw new IpNotAllowedError();
  }

  private readonly allowLists = new WeakMap<Account, IpAllowList>();

  async bumpTokenGeneration(accountId: string): Promise<number> {
    const account = await this.accountWrite(accountId, async () => {
      const written = await this.accounts.bumpTokenGeneration(accountId, new Date(this.clock.now()));
      if (!written) throw new NotFoundError('account', accountId);
      await this.state.raiseGeneration(accountId, written.tokenGeneration);
      return written;
    });
    return account.tokenGeneration;
  }

  /**
   * Every write to an account record: announced to the account's Redis state first (issuers stop
   * using their copies of the account; Redis away fails the call here, before anything is written),
   * then written (Mongo, then the access state it changes), then the new revision raised. If that last
   * step fails, the write stands and is returned (a rotated secret must not be lost): copies of the
   * account simply stay unused until an issuer's read of the record re-establishes the revision.
   */
  private async accountWrite(accountId: string, write: () => Promise<Account>): Promise<Account> {
    await this.state.beginWrite(accountId);
    let written: Account | undefined;
    try {
      written = await write();
      return written;
    } finally {
      await this.state.endWrite(accountId, written?.revision ?? null).catch((err: unknown) => {
        this.logger.warn(
          { accountId, err: (err as Error)?.message },
          'account written; its revision not raised in Redis (copies stay unused until the record is read again)',
        );
      });
      this.copies.dropAccount(accountId);
    }
  }

  view(account: Account): AccountView {
    return {
      accountId: account.id,
      name: account.name,
      clientId: account.clientId,
      status: account.status,
      tokenTtlSeconds: account.tokenTtlSeconds,
      maxActiveTokens: account.maxActiveTokens,
      scopes: account.scopes,
      throttle: account.throttle,
      quotas: account.quotas,
      // Absent rather than null when there is none: the documented shape of an optional object.
      ...(account.credits ? { credits: account.credits } : {}),
      allowedOrigins: account.allowedOrigins,
      allowedIps: account.allowedIps,
      tokenLimit: account.tokenLimit,
      metadata: account.metadata,
      alertWebhookUrl: account.alertWebhookUrl ?? null,
      alertWebhookSecret: account.alertWebhookSecret,
      secrets: account.secrets.map((s) => ({
        id: s.id,
        createdAt: s.createdAt.toISOString(),
        expiresAt: s.expiresAt ? s.expiresAt.toISOString() : null,
      })),
      createdAt: account.createdAt.toISOString(),
      updatedAt: account.updatedAt.toISOString(),
      ...(account.deletedAt ? { deletedAt: account.deletedAt.toISOString() } : {}),
    };
  }

  /**
   * Refuses webhook targets on loopback, link-local and private addresses (unless the operator
   * setting allows them). Host names are checked again, resolved, at each delivery.
   */
  private async checkWebhookTarget(url: string | null | undefined): Promise<void> {
    if (!url) return;
    const problem = await webhookTargetProblem(url, this.config.allowPrivateWebhooks, false);
    if (problem)
      throw new ValidationFailedError([{ field: 'alertWebhookUrl', problems: [`alertWebhookUrl ${problem}`] }]);
  }

  /** Policy with defaults filled: for a new account (`current` absent) or as a patch of one. */
  private mergePolicy(current: Account | undefined, dto: AccountPolicyDto, patchOnly = false): AccountPolicy {
    const base: AccountPolicy = current ?? {
      tokenTtlSeconds: 3600,
      maxActiveTokens: 10,
      scopes: DEFAULT_SCOPES,
      throttle: DEFAULT_THROTTLE,
      quotas: [],
      credits: null,
      allowedOrigins: [],
      allowedIps: [],
      tokenLimit: 'refuse',
      metadata: {},
      alertWebhookUrl: null,
    };
    const merged: AccountPolicy = {
      tokenTtlSeconds: dto.tokenTtlSeconds ?? base.tokenTtlSeconds,
      maxActiveTokens: dto.maxActiveTokens ?? base.maxActiveTokens,
      scopes: dto.scopes ? [...new Set(dto.scopes)] : base.scopes,
      throttle: dto.throttle ? checked(throttleFrom(dto.throttle)) : base.throttle,
      quotas: dto.quotas ? dto.quotas.map(quotaFrom) : base.quotas,
      credits: dto.credits !== undefined ? creditsFrom(dto.credits) : base.credits,
      allowedOrigins: dto.allowedOrigins ? dto.allowedOrigins.map((o) => o.toLowerCase()) : base.allowedOrigins,
      allowedIps: dto.allowedIps ? allowedIpsFrom(dto.allowedIps) : base.allowedIps,
      tokenLimit: dto.tokenLimit ?? base.tokenLimit,
      metadata: dto.metadata ? { ...dto.metadata } : base.metadata,
      alertWebhookUrl: dto.alertWebhookUrl !== undefined ? dto.alertWebhookUrl : base.alertWebhookUrl,
    };
    if (!patchOnly) return merged;
    const patch: Partial<AccountPolicy> = {};
    for (const key of Object.keys(dto) as (keyof AccountPolicy)[])
      if (key in merged) (patch as Record<string, unknown>)[key] = merged[key];
    return patch as AccountPolicy;
  }
}

function throttleFrom(dto: ThrottlePolicyDto): ThrottlePolicy {
  const periodSeconds = dto.periodSeconds ?? DEFAULT_THROTTLE.periodSeconds;
  return {
    limit: dto.limit,
    periodSeconds,
    lockoutSeconds: dto.lockoutSeconds ?? periodSeconds,
    scope: dto.scope ?? 'account',
    warnAt: [...new Set(dto.warnAt ?? DEFAULT_THROTTLE.warnAt)].sort((a, b) => a - b),
    ...(dto.burst ? { burst: { limit: dto.burst.limit, periodSeconds: dto.burst.periodSeconds } } : {}),
    apis: (dto.apis ?? []).map((w) => ({ api: w.api, limit: w.limit, periodSeconds: w.periodSeconds })),
  };
}

function checked(t: ThrottlePolicy): ThrottlePolicy {
  checkWindows(t);
  return t;
}

/** What the field validators cannot see: how the windows of one throttle policy relate. */
function checkWindows(t: ThrottlePolicy): void {
  const problems: { field: string; problems: string[] }[] = [];
  if (t.burst && t.burst.periodSeconds >= t.periodSeconds)
    problems.push({
      field: 'throttle.burst.periodSeconds',
      problems: [`throttle.burst.periodSeconds must be shorter than throttle.periodSeconds (${t.periodSeconds})`],
    });
  const apis = (t.apis ?? []).map((w) => w.api);
  const twice = apis.filter((api, i) => apis.indexOf(api) !== i);
  if (twice.length)
    problems.push({
      field: 'throttle.apis',
      problems: [`throttle.apis names ${[...new Set(twice)].join(', ')} more than once`],
    });
  if (problems.length) throw new ValidationFailedError(problems);
}

/** Normalised (one spelling per block, so the view shows what is enforced); the DTO checked the entries. */
function allowedIpsFrom(entries: string[]): string[] {
  const result = normaliseAllowedIps(entries);
  if ('problems' in result) throw new ValidationFailedError([{ field: 'allowedIps', problems: result.problems }]);
  return result.entries;
}

function creditsFrom(dto: CreditPolicyDto | null): CreditPolicy | null {
  if (!dto) return null;
  return {
    monthly: dto.monthly,
    enforce: dto.enforce ?? 'hard',
    warnAt: [...new Set(dto.warnAt ?? [0.8, 0.9])].sort((a, b) => a - b),
  };
}

function quotaFrom(dto: QuotaPolicyDto): QuotaPolicy {
  return {
    api: dto.api,
    period: dto.period,
    limit: dto.limit,
    warnAt: [...new Set(dto.warnAt ?? [0.8, 0.9])].sort((a, b) => a - b),
    enforce: dto.enforce ?? 'hard',
  };
}
