import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuthFailuresService } from '@tollgate/auth-failures';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { webhookTargetProblem } from '@tollgate/network-policy';
import { Clock } from '@tollgate/clock';
import { NotFoundError, OAuthError, ValidationFailedError } from '@tollgate/domain-errors';
import { type Account, type AccountPolicy, type QuotaPolicy, type ThrottlePolicy, DEFAULT_SCOPES, DEFAULT_THROTTLE } from './account.types';
import { AccountStateStore } from './account-state.store';
import { AccountsRepository } from './accounts.repository';
import type { AccountPolicyDto, CreateAccountDto, UpdateAccountDto } from './dto/account-policy.dto';
import type { QuotaPolicyDto } from './dto/quota-policy.dto';
import type { ThrottlePolicyDto } from './dto/throttle-policy.dto';
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
  allowedOrigins: string[];
  alertWebhookUrl: string | null;
  alertWebhookSecret: string;
  secrets: { id: string; createdAt: string; expiresAt: string | null }[];
  createdAt: string;
  updatedAt: string;
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

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly hasher: SecretHasher,
    private readonly state: AccountStateStore,
    private readonly clock: Clock,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
    private readonly failures?: AuthFailuresService,
  ) {}

  async create(dto: CreateAccountDto): Promise<{ account: Account; clientSecret: string }> {
    await this.checkWebhookTarget(dto.alertWebhookUrl);
    const now = new Date(this.clock.now());
    const clientSecret = SecretHasher.generate('tgs_');
    const account: Account = {
      id: randomId('acc_', 12),
      name: dto.name,
      clientId: randomId('tgc_', 16),
      secrets: [{ id: randomId('sec_', 8), hash: this.hasher.hash('client-secret', clientSecret), createdAt: now, expiresAt: null }],
      status: 'active',
      ...this.mergePolicy(undefined, dto),
      alertWebhookSecret: randomId('whsec_', 24),
      tokenGeneration: 0,
      createdAt: now,
      updatedAt: now,
    };
    await this.accounts.insert(account);
    await this.state.initialize(account.id, account.quotas);
    this.logger.log({ accountId: account.id, name: account.name }, 'account created');
    return { account, clientSecret };
  }

  /** An account by id (`acc_…`) or by name. */
  async get(idOrName: string): Promise<Account> {
    if (!mayNameAnAccount(idOrName)) throw new NotFoundError('account', idOrName);
    const account = idOrName.startsWith('acc_') ? await this.accounts.findById(idOrName) : await this.accounts.findByName(idOrName);
    if (!account) throw new NotFoundError('account', idOrName);
    return account;
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
    // Disabling ends every token issued before it: the generation moves first (Mongo, then Redis), so
    // re-enabling the account later does not bring its old tokens back, and a failure between the
    // two writes leaves the tokens ended rather than the account disabled with live tokens.
    if (status === 'disabled') await this.bumpTokenGeneration(current.id);
    const updated = await this.accounts.updatePolicy(current.id, patch, new Date(this.clock.now()));
    if (!updated) throw new NotFoundError('account', idOrName);
    if (status) await this.state.setDisabled(current.id, status === 'disabled');
    if (patch.quotas) await this.state.setQuotas(current.id, updated.quotas);
    this.logger.log({ accountId: current.id, fields: Object.keys(dto) }, 'account updated');
    return updated;
  }

  /**
   * Issues a new secret; the ones in use keep working for `graceSeconds` (default 24 h) so clients
   * can roll over without downtime. Secrets already past their grace are dropped.
   */
  async rotateSecret(idOrName: string, graceSeconds = DEFAULT_GRACE_SECONDS): Promise<{ account: Account; clientSecret: string; secretId: string }> {
    const account = await this.get(idOrName);
    const now = this.clock.now();
    const live = account.secrets.filter((s) => !s.expiresAt || s.expiresAt.getTime() > now);
    const graceEnd = new Date(now + graceSeconds * 1000);
    const retire = live.map((s) => ({ id: s.id, expiresAt: s.expiresAt && s.expiresAt < graceEnd ? s.expiresAt : graceEnd }));
    const clientSecret = SecretHasher.generate('tgs_');
    const secret = { id: randomId('sec_', 8), hash: this.hasher.hash('client-secret', clientSecret), createdAt: new Date(now), expiresAt: null };
    await this.accounts.rotateSecret(account.id, secret, retire, live, new Date(now));
    this.logger.log({ accountId: account.id, graceSeconds }, 'client secret rotated');
    return { account: await this.getById(account.id), clientSecret, secretId: secret.id };
  }

  /**
   * Client authentication for the token, revocation and introspection endpoints. `login` is the
   * client ID or the account name (its alias). Every failure is the same `invalid_client`. With the
   * caller's address, failures are counted per address and too many are refused (429).
   */
  async authenticateClient(login: string, secret: string, clientAddress?: string): Promise<Account> {
    if (clientAddress === undefined || !this.failures) return this.checkClient(login, secret);
    // Guessing is slow: an address that failed too often is refused before any store call.
    return this.failures.guard(clientAddress, () => this.checkClient(login, secret), (err) => err instanceof OAuthError && err.error === 'invalid_client');
  }

  /**
   * One primary-key read (found or not) and at least one HMAC comparison, whatever the outcome. Not
   * cached: a secret rotated away or an account disabled on any instance stops working at once.
   */
  private async checkClient(login: string, secret: string): Promise<Account> {
    const now = this.clock.now();
    const account = mayNameAnAccount(login) ? await this.accounts.findByLogin(login) : null;
    const live = account?.secrets.filter((s) => !s.expiresAt || s.expiresAt.getTime() > now) ?? [];
    let matched: (typeof live)[number] | undefined;
    for (const s of live.length ? live : [{ id: '', hash: DUMMY_HASH, createdAt: new Date(0) }]) if (this.hasher.matches('client-secret', secret, s.hash)) matched ??= s;
    if (!account || !live.length || !matched) throw new OAuthError('invalid_client', 'client authentication failed');
    return this.active(account);
  }

  private active(account: Account): Account {
    if (account.status !== 'active') throw new OAuthError('unauthorized_client', 'the account is disabled');
    return account;
  }

  async bumpTokenGeneration(accountId: string): Promise<number> {
    const generation = await this.accounts.bumpTokenGeneration(accountId, new Date(this.clock.now()));
    await this.state.raiseGeneration(accountId, generation);
    return generation;
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
      allowedOrigins: account.allowedOrigins,
      alertWebhookUrl: account.alertWebhookUrl ?? null,
      alertWebhookSecret: account.alertWebhookSecret,
      secrets: account.secrets.map((s) => ({ id: s.id, createdAt: s.createdAt.toISOString(), expiresAt: s.expiresAt ? s.expiresAt.toISOString() : null })),
      createdAt: account.createdAt.toISOString(),
      updatedAt: account.updatedAt.toISOString(),
    };
  }

  /**
   * Refuses webhook targets on loopback, link-local and private addresses (unless the operator
   * setting allows them). Host names are checked again, resolved, at each delivery.
   */
  private async checkWebhookTarget(url: string | null | undefined): Promise<void> {
    if (!url) return;
    const problem = await webhookTargetProblem(url, this.config.allowPrivateWebhooks, false);
    if (problem) throw new ValidationFailedError([{ field: 'alertWebhookUrl', problems: [`alertWebhookUrl ${problem}`] }]);
  }

  /** Policy with defaults filled: for a new account (`current` absent) or as a patch of one. */
  private mergePolicy(current: Account | undefined, dto: AccountPolicyDto, patchOnly = false): AccountPolicy {
    const base: AccountPolicy = current ?? {
      tokenTtlSeconds: 3600,
      maxActiveTokens: 10,
      scopes: DEFAULT_SCOPES,
      throttle: DEFAULT_THROTTLE,
      quotas: [],
      allowedOrigins: [],
      alertWebhookUrl: null,
    };
    const merged: AccountPolicy = {
      tokenTtlSeconds: dto.tokenTtlSeconds ?? base.tokenTtlSeconds,
      maxActiveTokens: dto.maxActiveTokens ?? base.maxActiveTokens,
      scopes: dto.scopes ? [...new Set(dto.scopes)] : base.scopes,
      throttle: dto.throttle ? throttleFrom(dto.throttle) : base.throttle,
      quotas: dto.quotas ? dto.quotas.map(quotaFrom) : base.quotas,
      allowedOrigins: dto.allowedOrigins ? dto.allowedOrigins.map((o) => o.toLowerCase()) : base.allowedOrigins,
      alertWebhookUrl: dto.alertWebhookUrl !== undefined ? dto.alertWebhookUrl : base.alertWebhookUrl,
    };
    if (!patchOnly) return merged;
    const patch: Partial<AccountPolicy> = {};
    for (const key of Object.keys(dto) as (keyof AccountPolicy)[]) if (key in merged) (patch as Record<string, unknown>)[key] = merged[key];
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
