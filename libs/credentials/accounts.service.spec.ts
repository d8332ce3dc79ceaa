import { describe, expect, it } from 'vitest';
import { Clock } from '@tollgate/clock';
import type { TollgateConfig } from '@tollgate/config';
import { NotFoundError, OAuthError, ValidationFailedError } from '@tollgate/domain-errors';
import type { Account } from './account.types';
import type { AccountStateStore } from './account-state.store';
import type { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { SecretHasher } from './secret-hasher';

/** An in-memory stand-in for the repository: enough to exercise the service's rules. */
class FakeAccounts {
  readonly rows = new Map<string, Account>();
  async insert(a: Account) {
    this.rows.set(a.id, structuredClone(a));
    return a;
  }
  async findById(id: string) {
    return structuredClone(this.rows.get(id)) ?? null;
  }
  async findByName(name: string) {
    return structuredClone([...this.rows.values()].find((a) => a.name === name)) ?? null;
  }
  loginReads = 0;
  async findByLogin(login: string) {
    this.loginReads++;
    return structuredClone([...this.rows.values()].find((a) => a.name === login || a.clientId === login)) ?? null;
  }
  async updatePolicy(id: string, patch: Partial<Account>, _now: Date, endTokens = false) {
    const a = this.rows.get(id)!;
    Object.assign(a, patch);
    a.revision++;
    if (endTokens) a.tokenGeneration++;
    return structuredClone(a);
  }
  async bumpTokenGeneration(id: string) {
    const a = this.rows.get(id)!;
    a.tokenGeneration++;
    a.revision++;
    return structuredClone(a);
  }
  async rotateSecret(
    id: string,
    secret: Account['secrets'][number],
    retire: { id: string; expiresAt: Date }[],
    keep: Account['secrets'],
  ) {
    const until = new Map(retire.map((r) => [r.id, r.expiresAt]));
    const a = this.rows.get(id)!;
    a.secrets = [...keep.map((s) => ({ ...s, expiresAt: until.get(s.id) ?? s.expiresAt })), secret];
    a.revision++;
    return structuredClone(a);
  }
  /** Keeps the secrets (the real one removes them), so the service's own status check is what refuses. */
  async markDeleted(id: string, now: Date) {
    const a = this.rows.get(id);
    if (!a || a.status === 'deleted') return null;
    Object.assign(a, { status: 'deleted', deletedAt: now });
    a.tokenGeneration++;
    a.revision++;
    return structuredClone(a);
  }
  async page() {
    return { items: [...this.rows.values()].map((a) => structuredClone(a)), total: this.rows.size };
  }
}

const config = { secretPepper: 'pepper-for-unit-tests', allowPrivateWebhooks: false } as TollgateConfig;
const noState = {
  initialize: async () => undefined,
  setDisabled: async () => undefined,
  setPolicies: async () => undefined,
  raiseGeneration: async () => undefined,
  beginWrite: async () => undefined,
  endWrite: async () => undefined,
} as unknown as AccountStateStore;

function service() {
  const repo = new FakeAccounts();
  const clock = new Clock();
  clock.setOffset(0);
  const svc = new AccountsService(
    repo as unknown as AccountsRepository,
    new SecretHasher(config),
    noState,
    clock,
    config,
  );
  return { repo, clock, svc };
}

const errorOf = async (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('AccountsService', () => {
  it('stores only a keyed hash of the secret and authenticates by client ID or name', async () => {
    const { repo, svc } = service();
    const { account, clientSecret } = await svc.create({ name: 'acme' });
    expect(JSON.stringify([...repo.rows.values()])).not.toContain(clientSecret);
    expect((await svc.authenticateClient(account.clientId, clientSecret)).id).toBe(account.id);
    expect((await svc.authenticateClient('acme', clientSecret)).id).toBe(account.id);
    expect(((await errorOf(svc.authenticateClient('acme', clientSecret + 'x'))) as OAuthError).error).toBe(
      'invalid_client',
    );
    expect(((await errorOf(svc.authenticateClient('nobody', clientSecret))) as OAuthError).error).toBe(
      'invalid_client',
    );
  });

  it('keeps the previous secret for the grace period only, then drops it at the next rotation', async () => {
    const { clock, svc } = service();
    const { clientSecret: first } = await svc.create({ name: 'rotor' });
    const { clientSecret: second } = await svc.rotateSecret('rotor', 60);
    await svc.authenticateClient('rotor', first);
    clock.advance(61_000);
    expect(((await errorOf(svc.authenticateClient('rotor', first))) as OAuthError).error).toBe('invalid_client');
    await svc.authenticateClient('rotor', second);
    const { account } = await svc.rotateSecret('rotor', 10);
    expect(account.secrets).toHaveLength(2);
  });

  it('fills policy defaults and lockout = period unless set', async () => {
    const { svc } = service();
    const { account } = await svc.create({ name: 'defaults', throttle: { limit: 10, periodSeconds: 60 } });
    expect(account.throttle).toEqual({
      limit: 10,
      periodSeconds: 60,
      lockoutSeconds: 60,
      scope: 'account',
      warnAt: [0.8, 0.9],
      apis: [],
    });
    expect([account.tokenTtlSeconds, account.maxActiveTokens]).toEqual([3600, 10]);
  });

  it('refuses a disabled account after authenticating it, and private webhook targets', async () => {
    const { svc } = service();
    const { clientSecret } = await svc.create({ name: 'sleepy' });
    await svc.update('sleepy', { status: 'disabled' });
    expect(((await errorOf(svc.authenticateClient('sleepy', clientSecret))) as OAuthError).error).toBe(
      'unauthorized_client',
    );
    const err = await errorOf(svc.update('sleepy', { alertWebhookUrl: 'http://10.1.2.3/hook' }));
    expect(err).toBeInstanceOf(ValidationFailedError);
  });

  it('deletes for good: announced to Redis, then deleted with the generation moved in one record update, then the generation and the refusal in Redis', async () => {
    const steps: string[] = [];
    const repo = new FakeAccounts();
    const recording = new Proxy(repo, {
      get: (target, key: keyof FakeAccounts) =>
        typeof target[key] === 'function'
          ? (...args: unknown[]) => (
              steps.push(`record.${String(key)}`),
              (target[key] as (...a: unknown[]) => unknown).apply(target, args)
            )
          : target[key],
    });
    const state = {
      ...noState,
      beginWrite: async () => void steps.push('redis.beginWrite'),
      endWrite: async () => void steps.push('redis.endWrite'),
      raiseGeneration: async () => void steps.push('redis.raiseGeneration'),
      setDisabled: async (_id: string, d: boolean) => void steps.push(`redis.setDisabled(${d})`),
    } as unknown as AccountStateStore;
    const clock = new Clock();
    clock.setOffset(0);
    const svc = new AccountsService(
      recording as unknown as AccountsRepository,
      new SecretHasher(config),
      state,
      clock,
      config,
    );
    const { account, clientSecret } = await svc.create({ name: 'leaving' });
    steps.length = 0;
    const deleted = await svc.delete('leaving');
    expect(steps).toEqual([
      'record.findByName',
      'redis.beginWrite',
      'record.markDeleted',
      'redis.raiseGeneration',
      'redis.setDisabled(true)',
      'redis.endWrite',
    ]);
    expect(deleted).toMatchObject({ id: account.id, status: 'deleted', tokenGeneration: 1 });
    // Not found anywhere by name or id, deleting again included; its client is refused as unknown.
    for (const p of [
      svc.get('leaving'),
      svc.get(account.id),
      svc.delete('leaving'),
      svc.update('leaving', { status: 'active' }),
    ])
      expect(await errorOf(p)).toBeInstanceOf(NotFoundError);
    expect(((await errorOf(svc.authenticateClient('leaving', clientSecret))) as OAuthError).error).toBe(
      'invalid_client',
    );
  });

  it('checks listing parameters for callers that are not HTTP', async () => {
    const { svc } = service();
    const err = (await errorOf(
      svc.list({ search: 'a b', status: 'gone' as never, page: 0, pageSize: 101 }),
    )) as ValidationFailedError;
    expect(err).toBeInstanceOf(ValidationFailedError);
    expect(err.fields.map((f) => f.field)).toEqual(['search', 'status', 'page', 'pageSize']);
    await svc.create({ name: 'listed' });
    const page = await svc.list({});
    expect(page).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    expect(page.items[0]).not.toHaveProperty('alertWebhookSecret');
  });

  describe('for token issuance (a copy the issuer proves current)', () => {
    it('answers a matching secret from the copy, with no store read, and says so', async () => {
      const { repo, svc } = service();
      const { account, clientSecret } = await svc.create({ name: 'copied' });
      const first = await svc.authenticateClientForIssuance(account.clientId, clientSecret);
      expect([first.fromCopy, first.account.revision]).toEqual([false, 0]);
      const reads = repo.loginReads;
      const second = await svc.authenticateClientForIssuance(account.clientId, clientSecret);
      expect([second.fromCopy, second.account.id]).toEqual([true, account.id]);
      expect(repo.loginReads).toBe(reads);
    });

    it('shares one read among issuers of one login that miss their copy at once; only the reader counts as fresh', async () => {
      const { repo, svc } = service();
      const { account, clientSecret } = await svc.create({ name: 'many-workers' });
      const reads = repo.loginReads;
      // Started in one tick, so every call is waiting on the same read.
      const clients = await Promise.all(
        Array.from({ length: 8 }, () => svc.authenticateClientForIssuance(account.clientId, clientSecret)),
      );
      expect(repo.loginReads).toBe(reads + 1);
      expect(clients.map((c) => c.fromCopy).sort()).toEqual([false, true, true, true, true, true, true, true]);
      expect(new Set(clients.map((c) => c.account.id))).toEqual(new Set([account.id]));
      // A wrong secret that joins the shared read is still refused.
      const other = await svc.create({ name: 'joined' });
      const before = repo.loginReads;
      const [right, wrong] = await Promise.all([
        svc.authenticateClientForIssuance('joined', other.clientSecret),
        errorOf(svc.authenticateClientForIssuance('joined', 'wrong-secret')),
      ]);
      expect(repo.loginReads).toBe(before + 1);
      expect(right.fromCopy).toBe(false);
      expect((wrong as OAuthError).error).toBe('invalid_client');
    });

    it('decides by the record when the copy does not know the secret (just rotated in) or says disabled', async () => {
      const { repo, svc } = service();
      const { clientSecret: old } = await svc.create({ name: 'rotating' });
      await svc.authenticateClientForIssuance('rotating', old);
      const { clientSecret: fresh } = await svc.rotateSecret('rotating', 0);
      const reads = repo.loginReads;
      const withNew = await svc.authenticateClientForIssuance('rotating', fresh);
      expect([withNew.fromCopy, withNew.account.revision]).toEqual([false, 1]);
      expect(repo.loginReads).toBe(reads + 1);
      // The copy is now the rotated account: the old secret (grace 0) fails against it and the record.
      expect(((await errorOf(svc.authenticateClientForIssuance('rotating', old))) as OAuthError).error).toBe(
        'invalid_client',
      );
    });

    it('refresh reads the record and checks the secret again: a secret rotated away or a disabled account fails', async () => {
      const { svc } = service();
      const { clientSecret } = await svc.create({ name: 'stale' });
      await svc.authenticateClientForIssuance('stale', clientSecret);
      const client = await svc.authenticateClientForIssuance('stale', clientSecret);
      expect(client.fromCopy).toBe(true);
      await svc.rotateSecret('stale', 0);
      expect(((await errorOf(client.refresh())) as OAuthError).error).toBe('invalid_client');

      const other = await svc.create({ name: 'sleeper' });
      await svc.authenticateClientForIssuance('sleeper', other.clientSecret);
      const copied = await svc.authenticateClientForIssuance('sleeper', other.clientSecret);
      await svc.update('sleeper', { status: 'disabled' });
      expect(((await errorOf(copied.refresh())) as OAuthError).error).toBe('unauthorized_client');
    });
  });
});
