import { type AppliedPolicy, limitPolicy, rateLimitHeaders } from '@tollgate/throttling';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AccessScripts,
  AccessStateEvents,
  AccessStateStore,
  AccountField,
  accountStateKey,
  type AdmissionResult,
  type CreditRule,
  NOTHING_USED,
  type PreparedAdmission,
  type QuotaRule,
  type UsedInPeriods,
  type WindowRule,
  type TokenSlotRequest,
  tokenStateKey,
  usageBaseKey,
  usageDirtyKey,
  usageKeyPrefix,
} from '@tollgate/access-state';
import { Clock } from '@tollgate/clock';
import type { TollgateConfig } from '@tollgate/config';
import { TestRedisServer } from './support/redis-server';

/**
 * The access-state scripts themselves, against a real Redis of this file's own: the epoch that
 * guards admission, the two-phase rebuild, quotas counted from the rebuilt base, and the script
 * clock across a month end, a year end and a leap day.
 */
const P = 'ts';
let server: TestRedisServer;
let redis: Redis;
let scripts: AccessScripts;
let store: AccessStateStore;
let n = 0;
let account: string;

const noWaivers = { record: async () => undefined, current: async () => [] };
const at = async (iso: string) =>
  Date.parse(iso) - (await redis.time().then(([s, us]) => Number(s) * 1000 + Math.floor(Number(us) / 1000)));
const request = (over: Partial<Parameters<AccessScripts['prepareAdmission']>[0]> = {}): PreparedAdmission =>
  scripts.prepareAdmission({
    accountId: account,
    tokenId: 'tok_a',
    generation: 0,
    limit: 1000,
    periodMs: 60_000,
    lockoutMs: 60_000,
    scope: 'account',
    warnAt: [0.8],
    ...over,
  });
const admit = (api = 'alpha', offset = 0, req = request(), revision = 0, cost = 1): Promise<AdmissionResult> =>
  scripts.admit(req, api, cost, offset, revision);
const quota = (over: Partial<QuotaRule>): QuotaRule => ({
  api: 'alpha',
  period: 'month',
  limit: 3,
  warnAt: [],
  enforce: 'hard',
  ...over,
});
const record = (over: Partial<Parameters<AccessStateStore['stateOf']>[0]> = {}) => ({
  disabled: false,
  tokenGeneration: 0,
  revision: 0,
  quotas: [] as QuotaRule[],
  windows: [] as WindowRule[],
  credits: null as CreditRule | null,
  revokedTokens: [] as { tokenId: string; expiresAt: number }[],
  used: NOTHING_USED as UsedInPeriods,
  ...over,
});
/** A full rebuild through the scripts, at the script clock's `now` (plus `offset`). */
const rebuild = async (r = record(), offset = 0) => {
  const begun = await scripts.rebuildBegin(account, offset, 'nonce-1');
  if (begun.status !== 'begun') throw new Error('state already present');
  return scripts.rebuildFinish(account, 'nonce-1', store.stateOf(r, [], begun.now));
};

beforeAll(async () => {
  server = await TestRedisServer.start();
  redis = new Redis(server.url);
  scripts = new AccessScripts(redis, P);
  store = new AccessStateStore(
    redis,
    { redisPrefix: P } as TollgateConfig,
    new Clock(),
    noWaivers as never,
    new AccessStateEvents(),
  );
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});
beforeEach(() => {
  account = `acc_${++n}`;
});

describe('the epoch', () => {
  it('admits nothing and records nothing while the state is absent', async () => {
    expect(await admit()).toEqual({ status: 'rebuild' });
    expect(await redis.keys(`${P}:*`)).toEqual([]);
  });

  it('is set with everything else by one rebuild; the state then admits, counting into the epoch', async () => {
    const done = await rebuild();
    expect(done.status).toBe('rebuilt');
    const epoch = (done as { epoch: string }).epoch;
    expect(epoch).toMatch(/^e[0-9a-z]+$/);
    const ok = await admit();
    expect(ok).toMatchObject({ status: 'ok', remaining: 999, epoch });
    const [day, hh] = new Date((ok as { now: number }).now).toISOString().slice(0, 13).split('T');
    // Requests, per token, per UTC hour.
    expect(await redis.hgetall(`${usageKeyPrefix(P, account)}${epoch}:d:${day}`)).toEqual({
      alpha: '1',
      'alpha|tok_a': '1',
      [`alpha@${hh}`]: '1',
    });
    expect(Object.keys(await redis.hgetall(usageDirtyKey(P, account)))).toEqual([`${epoch}/${day}`]);
  });

  it('refuses a request checked against a copy of the account older than the record, counting nothing', async () => {
    await rebuild(record({ revision: 3 }));
    expect(await admit('alpha', 0, request(), 2)).toEqual({ status: 'stale-copy' });
    // A write raises the revision: copies at the old one go stale, and nothing they asked was counted.
    await scripts.beginAccountWrite(account);
    await scripts.raiseRevision(account, 4);
    expect(await admit('alpha', 0, request(), 3)).toEqual({ status: 'stale-copy' });
    expect(await redis.hget(tokenStateKey(P, account, 'tok_a'), 'c')).toBeNull();
    expect(await admit('alpha', 0, request(), 4)).toMatchObject({ status: 'ok', remaining: 999 });
    expect(await scripts.revision(account)).toBe(4);
    await scripts.beginAccountWrite(account);
    expect(await scripts.revision(account)).toBeNull();
  });

  it('is lost with the rest: a flushed account asks for a rebuild again', async () => {
    await rebuild();
    expect((await admit()).status).toBe('ok');
    await redis.del(accountStateKey(P, account));
    expect(await admit()).toEqual({ status: 'rebuild' });
  });
});

describe('the rebuild', () => {
  it('restores disabled, the generation and revocation marks', async () => {
    await rebuild(
      record({ tokenGeneration: 2, revokedTokens: [{ tokenId: 'tok_r', expiresAt: Date.now() + 60_000 }] }),
    );
    expect(await admit('alpha', 0, request({ generation: 1 }))).toEqual({ status: 'revoked' });
    expect(await admit('alpha', 0, request({ generation: 2, tokenId: 'tok_r' }))).toEqual({ status: 'revoked' });
    expect((await admit('alpha', 0, request({ generation: 2 }))).status).toBe('ok');
    expect(await redis.pttl(tokenStateKey(P, account, 'tok_r'))).toBeGreaterThan(60_000);

    account = `acc_${++n}`;
    await rebuild(record({ disabled: true }));
    expect(await admit()).toEqual({ status: 'disabled' });
  });

  it('starts quota counting from what the record had used: a used-up quota stays used up', async () => {
    await rebuild(
      record({
        quotas: [quota({ period: 'month', limit: 5 }), quota({ api: 'beta', period: 'day', limit: 2 })],
        used: { ...NOTHING_USED, day: { beta: 1 }, month: { alpha: 4, beta: 1 } },
      }),
    );
    expect((await admit('alpha')).status).toBe('ok'); // 5th of 5
    expect(await admit('alpha')).toMatchObject({ status: 'quota', api: 'alpha', period: 'month', limit: 5 });
    expect((await admit('beta')).status).toBe('ok'); // 2nd of 2 today
    expect(await admit('beta')).toMatchObject({ status: 'quota', period: 'day' });
    // Crossing events count the base too: the 5th of 5 raised quota.exceeded.
    const events = (await redis.lrange(`${P}:{${account}}:ev`, 0, -1)).map(
      (e) => JSON.parse(e) as { type: string; count: number; api: string },
    );
    expect(events.filter((e) => e.type === 'quota.exceeded').map((e) => [e.api, e.count])).toEqual([
      ['alpha', 5],
      ['beta', 2],
    ]);
  });

  it('starts hourly quota and credit counting from the record too, a cost above what is left refused', async () => {
    await rebuild(
      record({
        quotas: [quota({ period: 'hour', limit: 3 })],
        credits: { monthly: 10, enforce: 'hard', warnAt: [] },
        used: { ...NOTHING_USED, hour: { alpha: 2 }, credits: 7 },
      }),
    );
    // 3 credits left: a request costing 4 is refused and counts nowhere (not even in the hour).
    expect(await admit('beta', 0, request(), 0, 4)).toMatchObject({ status: 'credits', monthly: 10, used: 7, cost: 4 });
    expect((await admit('alpha', 0, request(), 0, 1)).status).toBe('ok'); // 3rd of 3 this hour
    expect(await admit('alpha')).toMatchObject({ status: 'quota', api: 'alpha', period: 'hour', limit: 3 });
    expect((await admit('beta', 0, request(), 0, 2)).status).toBe('ok'); // 10 of 10 credits
    const last = await admit('beta', 0, request(), 0, 1);
    expect(last).toMatchObject({ status: 'credits', used: 10, cost: 1 });
    // The allocation renews with the month; the hour's quota with the hour.
    expect((last as { resetAt: number }).resetAt % 3_600_000).toBe(0);
    // A route that costs nothing goes on.
    expect((await admit('beta', 0, request(), 0, 0)).status).toBe('ok');
  });

  it('takes a base written before costs existed (no credits entry) as one credit per request', async () => {
    await rebuild(
      record({
        credits: { monthly: 6, enforce: 'hard', warnAt: [] },
        used: { ...NOTHING_USED, month: { alpha: 4, beta: 1 }, credits: 5 },
      }),
    );
    const month = new Date().toISOString().slice(0, 7);
    expect(await redis.hget(usageBaseKey(P, account), `m:${month}|$credits`)).toBe('5');
    await redis.hdel(usageBaseKey(P, account), `m:${month}|$credits`);
    // 5 spent before: a request costing 2 does not fit, and the first refusal raises the exhaustion.
    expect(await admit('beta', 0, request(), 0, 2)).toMatchObject({ status: 'credits', used: 5, cost: 2, fresh: true });
    // Once a month, however many refusals follow.
    expect(await admit('beta', 0, request(), 0, 2)).toMatchObject({ status: 'credits', fresh: false });
    expect((await admit('alpha')).status).toBe('ok'); // 6 of 6
    expect(await admit('beta')).toMatchObject({ status: 'credits', used: 6, cost: 1, fresh: false });
    // A free route is never refused for credits.
    expect((await admit('beta', 0, request(), 0, 0)).status).toBe('ok');
  });

  it('honours waivers from the record', async () => {
    const begun = await scripts.rebuildBegin(account, 0, 'w');
    const now = (begun as { now: number }).now;
    const month = new Date(now).toISOString().slice(0, 7);
    await scripts.rebuildFinish(
      account,
      'w',
      store.stateOf(
        record({ quotas: [quota({ limit: 1 })], used: { ...NOTHING_USED, month: { alpha: 9 } } }),
        [{ api: 'alpha', period: 'month', key: month }],
        now,
      ),
    );
    expect((await admit('alpha')).status).toBe('ok');
  });

  it('does not finish over a security write made while the record was read, and lets the next one through', async () => {
    const begun = await scripts.rebuildBegin(account, 0, 'first');
    expect(begun.status).toBe('begun');
    await scripts.setDisabled(account, true); // an operator's write lands between the read and the finish
    expect(await scripts.rebuildFinish(account, 'first', store.stateOf(record(), [], Date.now()))).toEqual({
      status: 'retry',
    });
    expect(await admit()).toEqual({ status: 'rebuild' });
    const again = await scripts.rebuildBegin(account, 0, 'second');
    expect(again.status).toBe('begun');
    expect(
      (await scripts.rebuildFinish(account, 'second', store.stateOf(record({ disabled: true }), [], Date.now())))
        .status,
    ).toBe('rebuilt');
    expect(await admit()).toEqual({ status: 'disabled' });
    // Once there, another process's rebuild finds it ready and changes nothing.
    expect((await scripts.rebuildBegin(account, 0, 'third')).status).toBe('ready');
  });

  it('lets one process rebuild at a time; a claim that outlived its timeout is taken over', async () => {
    expect((await scripts.rebuildBegin(account, 0, 'a', 5000)).status).toBe('begun');
    expect(await scripts.rebuildBegin(account, 0, 'b', 5000)).toEqual({ status: 'busy' });
    await new Promise((r) => setTimeout(r, 50));
    expect((await scripts.rebuildBegin(account, 0, 'b', 20)).status).toBe('begun');
    // The process whose claim was taken over cannot finish any more; the new claimant can.
    expect(await scripts.rebuildFinish(account, 'a', store.stateOf(record(), [], Date.now()))).toEqual({
      status: 'retry',
    });
    expect((await scripts.rebuildFinish(account, 'b', store.stateOf(record(), [], Date.now()))).status).toBe('rebuilt');
  });

  it('never lowers the generation a revoke-all raised meanwhile', async () => {
    await scripts.raiseGeneration(account, 5);
    await rebuild(record({ tokenGeneration: 3 }));
    expect(await redis.hget(accountStateKey(P, account), AccountField.generation)).toBe('5');
  });
});

describe("token slots and the issuer's copy of the account", () => {
  const slot = (over: Partial<TokenSlotRequest> = {}): TokenSlotRequest => ({
    accountId: account,
    generation: 0,
    revision: 0,
    fresh: false,
    tokenId: `tok_${Math.random().toString(36).slice(2)}`,
    expiresAt: Date.now() + 60_000,
    max: 2,
    now: Date.now(),
    ...over,
  });

  it('refuses any copy while the state is lost, then takes a fresh read and raises the revision to it', async () => {
    expect(await scripts.reserveTokenSlot(slot({ revision: 9 }))).toBe('stale-copy');
    expect(await scripts.reserveTokenSlot(slot({ fresh: true, revision: 4 }))).toBe('seed-needed');
    expect(await scripts.reserveTokenSlot(slot({ fresh: true, revision: 4, known: [] }))).toBe('reserved');
    expect(await redis.hget(accountStateKey(P, account), AccountField.revision)).toBe('4');
    // A copy is refused while the epoch is absent, even at the right revision: nothing vouches for it.
    expect(await scripts.reserveTokenSlot(slot({ revision: 4 }))).toBe('stale-copy');
    await rebuild(record({ revision: 4 }));
    expect(await scripts.reserveTokenSlot(slot({ revision: 4 }))).toBe('reserved');
    expect(await scripts.reserveTokenSlot(slot({ revision: 4 }))).toBe('full');
  });

  it('refuses a copy older than the record once a write raised the revision; a fresh read never lowers it', async () => {
    await rebuild(record({ revision: 2 }));
    expect(await scripts.reserveTokenSlot(slot({ revision: 2, known: [] }))).toBe('reserved');
    await scripts.raiseRevision(account, 3);
    expect(await scripts.reserveTokenSlot(slot({ revision: 2 }))).toBe('stale-copy');
    expect(await scripts.reserveTokenSlot(slot({ fresh: true, revision: 2 }))).toBe('reserved');
    expect(await redis.hget(accountStateKey(P, account), AccountField.revision)).toBe('3');
    expect(await scripts.reserveTokenSlot(slot({ revision: 3, max: 3 }))).toBe('reserved');
  });

  it('refuses a copy or a read of an older generation, and seeds the set from the record once', async () => {
    await rebuild(record({ revision: 0, tokenGeneration: 1 }));
    expect(await scripts.reserveTokenSlot(slot({ fresh: true, generation: 0 }))).toBe('stale-generation');
    expect(await scripts.reserveTokenSlot(slot({ generation: 1 }))).toBe('seed-needed');
    const known = [
      { id: 'tok_live', expiresAt: Date.now() + 60_000 },
      { id: 'tok_gone', expiresAt: Date.now() - 1 },
    ];
    expect(await scripts.reserveTokenSlot(slot({ generation: 1, known }))).toBe('reserved');
    expect(await scripts.reserveTokenSlot(slot({ generation: 1, known: [] }))).toBe('full'); // tok_live + the new one
  });

  it('refuses every copy while an account write is in progress, takes fresh reads without raising the revision, and uses the written revision after', async () => {
    await rebuild(record({ revision: 5 }));
    expect(await scripts.reserveTokenSlot(slot({ revision: 5, known: [], max: 10 }))).toBe('reserved');
    await scripts.beginAccountWrite(account);
    expect(await scripts.reserveTokenSlot(slot({ revision: 5, max: 10 }))).toBe('stale-copy');
    expect(await scripts.reserveTokenSlot(slot({ fresh: true, revision: 6, max: 10 }))).toBe('reserved');
    expect(await redis.hget(accountStateKey(P, account), AccountField.revision)).toBe('5');
    await scripts.raiseRevision(account, 6);
    expect(await scripts.reserveTokenSlot(slot({ revision: 5, max: 10 }))).toBe('stale-copy');
    expect(await scripts.reserveTokenSlot(slot({ revision: 6, max: 10 }))).toBe('reserved');
    // A write the store refused ends without a revision: copies at the old one are good again.
    await scripts.beginAccountWrite(account);
    await scripts.raiseRevision(account, null);
    expect(await scripts.reserveTokenSlot(slot({ revision: 6, max: 10 }))).toBe('reserved');
  });

  it('lets the first fresh read after the interval clear a write its writer abandoned (died between Mongo and Redis)', async () => {
    await rebuild(record({ revision: 1 }));
    await scripts.beginAccountWrite(account);
    expect(
      await scripts.reserveTokenSlot(slot({ fresh: true, revision: 2, known: [], abandonedWriteMs: 60_000 })),
    ).toBe('reserved');
    expect(await scripts.reserveTokenSlot(slot({ revision: 2 }))).toBe('stale-copy'); // still in progress
    await new Promise((r) => setTimeout(r, 60));
    expect(await scripts.reserveTokenSlot(slot({ fresh: true, revision: 2, abandonedWriteMs: 50 }))).toBe('reserved');
    expect(await redis.hget(accountStateKey(P, account), AccountField.revision)).toBe('2');
    expect(await redis.hget(accountStateKey(P, account), AccountField.writesInProgress)).toBeNull();
  });

  it('a rebuild restores the revision, and a write during a rebuild makes it read again', async () => {
    const begun = await scripts.rebuildBegin(account, 0, 'r1');
    expect(begun.status).toBe('begun');
    await scripts.raiseRevision(account, 7); // an account write lands while the record is read
    expect(await scripts.rebuildFinish(account, 'r1', store.stateOf(record({ revision: 6 }), [], Date.now()))).toEqual({
      status: 'retry',
    });
    await scripts.rebuildBegin(account, 0, 'r2');
    expect(
      (await scripts.rebuildFinish(account, 'r2', store.stateOf(record({ revision: 7 }), [], Date.now()))).status,
    ).toBe('rebuilt');
    expect(await scripts.reserveTokenSlot(slot({ revision: 6 }))).toBe('stale-copy');
    expect(await scripts.reserveTokenSlot(slot({ revision: 7, known: [] }))).toBe('reserved');
  });
});

describe('the script clock', () => {
  // Each case: the last second of a period and the first of the next, by moving the clock offset.
  const cases = [
    {
      name: 'a month end',
      before: '2027-04-30T23:59:59.000Z',
      after: '2027-05-01T00:00:00.500Z',
      days: ['2027-04-30', '2027-05-01'],
      months: ['2027-04', '2027-05'],
      monthEnd: '2027-05-01T00:00:00.000Z',
    },
    {
      name: 'a year end',
      before: '2027-12-31T23:59:59.000Z',
      after: '2028-01-01T00:00:00.500Z',
      days: ['2027-12-31', '2028-01-01'],
      months: ['2027-12', '2028-01'],
      monthEnd: '2028-01-01T00:00:00.000Z',
    },
    {
      name: 'a leap day',
      before: '2028-02-28T23:59:59.000Z',
      after: '2028-02-29T00:00:00.500Z',
      days: ['2028-02-28', '2028-02-29'],
      months: ['2028-02', '2028-02'],
      monthEnd: '2028-03-01T00:00:00.000Z',
    },
    {
      name: 'the end of a leap day',
      before: '2028-02-29T23:59:59.000Z',
      after: '2028-03-01T00:00:00.500Z',
      days: ['2028-02-29', '2028-03-01'],
      months: ['2028-02', '2028-03'],
      monthEnd: '2028-03-01T00:00:00.000Z',
    },
  ];
  for (const c of cases) {
    it(`names days and months and resets quotas across ${c.name}`, async () => {
      const before = await at(c.before);
      const done = await rebuild(
        record({ quotas: [quota({ period: 'month', limit: 2 }), quota({ api: 'beta', period: 'day', limit: 1 })] }),
        before,
      );
      const epoch = (done as { epoch: string }).epoch;
      const prefix = `${usageKeyPrefix(P, account)}${epoch}:`;
      expect((await admit('alpha', before)).status).toBe('ok');
      expect((await admit('alpha', before)).status).toBe('ok');
      const monthly = await admit('alpha', before);
      expect(monthly).toMatchObject({ status: 'quota', period: 'month', resetAt: Date.parse(c.monthEnd) });
      expect((await admit('beta', before)).status).toBe('ok');
      const daily = await admit('beta', before);
      expect(daily).toMatchObject({
        status: 'quota',
        period: 'day',
        resetAt: Date.parse(`${c.days[1]}T00:00:00.000Z`),
      });

      const after = await at(c.after);
      expect((await admit('beta', after)).status).toBe('ok'); // a new day
      const sameMonth = c.months[0] === c.months[1];
      expect((await admit('alpha', after)).status).toBe(sameMonth ? 'quota' : 'ok');

      expect(await redis.hget(`${prefix}d:${c.days[0]}`, 'alpha')).toBe('2');
      expect(await redis.hget(`${prefix}d:${c.days[1]}`, 'beta')).toBe('1');
      expect(Number(await redis.hget(`${prefix}m:${c.months[1]}`, 'beta'))).toBe(sameMonth ? 2 : 1);
      expect(Object.keys(await redis.hgetall(usageDirtyKey(P, account))).sort()).toEqual(
        c.days.map((d) => `${epoch}/${d}`),
      );
      // Usage keys outlive their period by 35 days, on the script clock, whatever the month's length.
      expect(Number(await redis.call('PEXPIRETIME', `${prefix}d:${c.days[0]}`))).toBe(
        Date.parse(`${c.days[1]}T00:00:00.000Z`) + 35 * 86_400_000,
      );
      expect(Number(await redis.call('PEXPIRETIME', `${prefix}m:${c.months[0]}`))).toBe(
        Date.parse(sameMonth ? c.monthEnd : `${c.months[1]}-01T00:00:00.000Z`) + 35 * 86_400_000,
      );
    });
  }

  it('a rebuild late in a month bases the quota on that month, not the next', async () => {
    const offset = await at('2027-01-31T23:59:59.000Z');
    await rebuild(record({ quotas: [quota({ limit: 3 })], used: { ...NOTHING_USED, month: { alpha: 3 } } }), offset);
    expect(await redis.hgetall(usageBaseKey(P, account))).toEqual({
      'm:2027-01|$credits': '0',
      'm:2027-01|alpha': '3',
    });
    expect((await admit('alpha', offset)).status).toBe('quota');
    expect((await admit('alpha', await at('2027-02-01T00:00:01.000Z'))).status).toBe('ok');
  });
});

describe('unlock and usage snapshots', () => {
  it('lifts lockouts and sets the waivers it is given', async () => {
    await rebuild(record({ quotas: [quota({ limit: 1 })] }));
    const req = request({ limit: 1, scope: 'token' });
    expect((await admit('alpha', 0, req)).status).toBe('ok');
    expect(await admit('beta', 0, req)).toMatchObject({ status: 'locked', scope: 'token' });
    const month = new Date().toISOString().slice(0, 7);
    expect(await scripts.unlock(account, 0, { alpha: `month:${month}` })).toBe(1);
    expect((await admit('alpha', 0, req)).status).toBe('ok'); // past the used-up monthly quota: waived
  });

  it('snapshots each epoch and day apart, including totals from before epochs', async () => {
    const done = await rebuild();
    const epoch = (done as { epoch: string }).epoch;
    const first = await admit('alpha');
    const hh = new Date((first as { now: number }).now).toISOString().slice(11, 13);
    await admit('beta');
    // A total counted before epochs existed: bare day field, keys without an epoch.
    const day = new Date().toISOString().slice(0, 10);
    await redis.hset(usageDirtyKey(P, account), '2020-01-02', '1');
    await redis.hset(`${usageKeyPrefix(P, account)}d:2020-01-02`, 'alpha', '7', 'alpha|tok_old', '7');
    await redis.hset(`${usageKeyPrefix(P, account)}m:2020-01`, 'alpha', '7');
    const snap = await scripts.usageSnapshot(account, 10);
    expect(snap.days.map((d) => [d.epoch, d.day, Object.fromEntries(d.totals)]).sort()).toEqual(
      [
        ['', '2020-01-02', { alpha: 7, 'alpha|tok_old': 7 }],
        [epoch, day, { alpha: 1, beta: 1, 'alpha|tok_a': 1, 'beta|tok_a': 1, [`alpha@${hh}`]: 1, [`beta@${hh}`]: 1 }],
      ].sort(),
    );
    expect(snap.months.map((m) => [m.epoch, m.month]).sort()).toEqual(
      [
        ['', '2020-01'],
        [epoch, day.slice(0, 7)],
      ].sort(),
    );
    // After a loss the relay sequence restarts above anything it had reached.
    expect(snap.seq).toBeGreaterThan(Date.now() - 10_000);
    const pending = await scripts.usageAck(account, {
      jobId: 'j',
      marks: snap.days.map((d) => [d.field, d.version]),
      eventIds: [],
    });
    expect(pending).toBe(0);
  });
});

type Ok = Extract<AdmissionResult, { status: 'ok' }>;
type Refused = Extract<AdmissionResult, { status: 'burst' | 'api' }>;

describe('burst and API windows (GCRA cells)', () => {
  it('admit `limit` at once, then one per period / limit, never more over any span', async () => {
    // 3 per 10 s: one request every 3,333.334 ms once the bucket is empty.
    await rebuild(record({ windows: [{ api: null, limit: 3, periodSeconds: 10 }] }));
    const first = (await admit()) as Ok;
    expect(first.status).toBe('ok');
    expect(first.burst).toEqual({ limit: 3, periodMs: 10_000, remaining: 2, resetInMs: 3334 });
    expect(((await admit()) as Ok).burst?.remaining).toBe(1);
    expect(((await admit()) as Ok).burst?.remaining).toBe(0);
    const refused = (await admit()) as Refused;
    expect(refused).toMatchObject({ status: 'burst', limit: 3, periodMs: 10_000 });
    // One more fits when a third of the period has passed since the burst.
    expect(refused.freeAt - first.now).toBeGreaterThan(3_300);
    expect(refused.freeAt - first.now).toBeLessThanOrEqual(3_334);

    // Two requests every 500 ms (by the script's clock) for 30 s: admitted as the bucket refills,
    // and at every moment at most limit + elapsed / t in all: no edge to burst twice across.
    let admitted = 3;
    let lastOk = first;
    // The latest script clock seen: each request's offset is taken just before it is sent, so the
    // two of a step can see clocks a millisecond apart in either order.
    let latest = first.now;
    for (let ms = 500; ms <= 30_000; ms += 500) {
      for (let i = 0; i < 2; i++) {
        const r = await admit('alpha', await at(new Date(first.now + ms).toISOString()));
        latest = Math.max(latest, (r as Ok | Refused).now);
        if (r.status === 'ok') {
          admitted++;
          lastOk = r;
        } else expect(r.status).toBe('burst');
      }
      const refills = Math.floor((latest - first.now) / 3333.334);
      expect(admitted, `after ${latest - first.now} ms`).toBeLessThanOrEqual(3 + refills);
      expect(admitted, `after ${latest - first.now} ms`).toBeGreaterThanOrEqual(3 + refills - 1);
    }
    // Refused requests counted nowhere: the main window (1,000 per 60 s) holds only the admitted ones.
    expect(lastOk.remaining).toBe(1000 - admitted);
  });

  it("keep another API's cell while requests to other APIs start new main windows", async () => {
    // 3 per day on contacts; the token's main window is 1 s, so nearly every request starts one.
    await rebuild(record({ windows: [{ api: 'contacts', limit: 3, periodSeconds: 86_400 }] }));
    const short = request({ periodMs: 1_000 });
    for (let i = 0; i < 3; i++) expect((await admit('contacts', 0, short)).status).toBe('ok');
    expect((await admit('contacts', 0, short)).status).toBe('api');
    // Another API, in a later main window: the hash must still outlive the contacts cell (a day).
    const other = (await admit('companies', 1_100, short)) as Ok;
    expect(other.status).toBe('ok');
    const tokenKey = tokenStateKey(P, account, 'tok_a');
    expect(await redis.pttl(tokenKey)).toBeGreaterThan(86_400_000 - 60_000);
    expect((await admit('contacts', 2_200, short)).status).toBe('api');
  });

  it('cut what a bucket owes to one window of a changed policy', async () => {
    await rebuild(record({ windows: [{ api: 'alpha', limit: 3, periodSeconds: 86_400 }] }));
    for (let i = 0; i < 3; i++) expect((await admit()).status).toBe('ok');
    const daily = (await admit()) as Refused;
    expect(daily.freeAt - daily.now).toBeGreaterThan(28_000_000);
    // Loosened to 3 per minute: the token waits for one request's worth of the new policy (20 s),
    // not for the day the old one would have taken.
    await scripts.setPolicies(account, { 'aw:alpha': '3,60000' });
    const loosened = (await admit()) as Refused;
    expect(loosened.status).toBe('api');
    expect(loosened.freeAt - loosened.now).toBeLessThanOrEqual(20_000);
    expect(loosened.freeAt - loosened.now).toBeGreaterThan(19_000);
  });

  it('set the hash expiry on the script clock, so an offset clock keeps the state', async () => {
    await rebuild(record({ windows: [{ api: null, limit: 3, periodSeconds: 10 }] }), -200_000);
    const ok = (await admit('alpha', -200_000)) as Ok;
    expect(ok.status).toBe('ok');
    const tokenKey = tokenStateKey(P, account, 'tok_a');
    expect(await redis.pttl(tokenKey)).toBeGreaterThan(60_000);
    expect(((await admit('alpha', -200_000)) as Ok).remaining).toBe(998);
  });

  it('keep no key of their own: a field of the token hash, which outlives them', async () => {
    await rebuild(
      record({
        windows: [
          { api: null, limit: 3, periodSeconds: 10 },
          { api: 'alpha', limit: 5, periodSeconds: 50 },
        ],
      }),
    );
    const ok = (await admit()) as Ok;
    expect(ok.apiWindow).toEqual({ limit: 5, periodMs: 50_000, remaining: 4, resetInMs: 10_000 });
    const tokenKey = tokenStateKey(P, account, 'tok_a');
    expect(await redis.keys(`${tokenKey}*`)).toEqual([tokenKey]);
    const hash = await redis.hgetall(tokenKey);
    expect(Object.keys(hash).sort()).toEqual(['a:alpha', 'b', 'c', 'ws', 'x']);
    // Microseconds, written whole (a Lua number printed with 14 digits would lose them).
    expect(hash.b).toMatch(/^\d{16}$/);
    expect(Number(hash.b)).toBe(ok.now * 1000 + 3_333_334);
    // Set when the main window (60 s here) starts, for it and the longest cell's period, plus a minute.
    const ttl = await redis.pttl(tokenKey);
    expect(ttl).toBeGreaterThan(60_000 + 50_000);
    expect(ttl).toBeLessThanOrEqual(60_000 + 50_000 + 60_000);
    // A period that grew within the main window moves the expiry past the cell's new arrival time.
    await scripts.setPolicies(account, { bw: '3,600000' });
    const grown = (await admit()) as Ok;
    expect(grown.burst?.resetInMs).toBeGreaterThan(200_000);
    expect(await redis.pttl(tokenKey)).toBeGreaterThan(grown.burst!.resetInMs + 60_000 - 1_000);
  });
});

describe('rate-limit list items', () => {
  /** The limits the reply carries, as the guard turns them into RateLimit list items (after the token's own). */
  const items = (r: Ok) => {
    const applied: AppliedPolicy[] = [];
    r.forEachLimit((...limit) => applied.push(limitPolicy(...limit)));
    if (!applied.length) return { policy: '', state: '' };
    const h = rateLimitHeaders(applied);
    return { policy: `, ${h['ratelimit-policy']}`, state: `, ${h.ratelimit}` };
  };

  it("come back for every policy that can refuse, in the draft's syntax", async () => {
    await rebuild(
      record({
        windows: [
          { api: null, limit: 10, periodSeconds: 1 },
          { api: 'alpha', limit: 5, periodSeconds: 60 },
        ],
        quotas: [quota({ period: 'month', limit: 3 }), quota({ period: 'day', limit: 9, enforce: 'alert' })],
        credits: { monthly: 100, enforce: 'hard', warnAt: [] },
      }),
    );
    const ok = (await admit('alpha', 0, request(), 0, 4)) as Ok;
    expect(ok.status).toBe('ok');
    const now = new Date(ok.now);
    const monthSeconds =
      (Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) -
        Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)) /
      1000;
    // The alert-only quota never refuses, so it is not an item.
    expect(items(ok).policy).toBe(
      `, "burst";q=10;w=1, "api:alpha";q=5;w=60, "quota:alpha:month";q=3;w=${monthSeconds}, "credits";q=100;w=${monthSeconds}`,
    );
    expect(items(ok).state).toMatch(
      /^, "burst";r=9;t=1, "api:alpha";r=4;t=12, "quota:alpha:month";r=2;t=\d+, "credits";r=96;t=\d+$/,
    );
    // Without any such policy there is nothing to add to the token's own item.
    account = `${account}-plain`;
    await rebuild();
    const plain = (await admit()) as Ok;
    expect(items(plain)).toEqual({ policy: '', state: '' });
  });
});

describe('field names', () => {
  it('every named field of the account hash is the one the scripts use', () => {
    const dir = join(__dirname, '../libs/access-state/lua');
    const lua = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    for (const field of Object.values(AccountField)) expect(lua, field).toContain(`'${field}`);
  });
});
