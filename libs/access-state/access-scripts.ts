import { type RedisClient, scriptCommand, type ScriptCommand } from '@tollgate/persistence';
import {
  accountStateKey,
  activeTokensKey,
  tokenLockoutsKey,
  tokenStateKey,
  usageBaseKey,
  usageDirtyKey,
  usageEventsKey,
  usageInFlightKey,
  usageKeyPrefix,
} from './access-keys';
import { type AdmissionRequest, type AdmissionResult, parseAdmission } from './admission.types';
import { LUA, type ScriptName } from './lua-scripts';

/** An admission request turned into the script's keys and fixed arguments, once per token. */
export interface PreparedAdmission {
  readonly accountId: string;
  readonly keys: readonly [string, string, string, string, string];
  readonly tokenId: string;
  readonly generation: string;
  readonly limit: string;
  readonly periodMs: string;
  readonly lockoutMs: string;
  readonly scope: string;
  readonly warnAt: string;
  readonly usagePrefix: string;
}

/** What a rebuild writes, by name (the record, in the shape the script stores it). */
export interface RebuildState {
  epoch: string;
  disabled: boolean;
  generation: number;
  /** The account record's revision (issuers' copies older than it are refused). */
  revision: number;
  /** Quotas, windows and credits by account-state field (see policyFields). */
  policies: Record<string, string>;
  waivers: Record<string, string>;
  revoked: { tokenId: string; markUntil: number }[];
  /**
   * Starting point of the epoch's quota and credit counting: `h:<hour>|<api>`, `d:<day>|<api>`,
   * `m:<month>|<api>` → transactions used; `m:<month>|$credits` → credits used.
   */
  base: Record<string, number>;
  baseExpireAt: number;
}

export interface UsageSnapshot {
  seq: number;
  days: { field: string; version: string; epoch: string; day: string; totals: [string, number][] }[];
  months: { epoch: string; month: string; totals: [string, number][] }[];
  events: string[];
}

/** What the relay must acknowledge once the job that carried a snapshot is applied. */
export interface InFlightJob {
  jobId: string;
  marks: [string, string][];
  eventIds: string[];
}

/**
 * A write to an account in progress for longer than this was abandoned by its writer (which died
 * between its Mongo and Redis steps): far longer than any account write takes, replica waits included.
 */
export const ABANDONED_WRITE_MS = 30_000;

/** A live-token slot for a token about to be issued, checked against the issuer's copy of the account. */
export interface TokenSlotRequest {
  accountId: string;
  generation: number;
  /** Revision of the account as the issuer has it. */
  revision: number;
  /** The issuer read the account from the record for this issuance (not an earlier copy). */
  fresh: boolean;
  tokenId: string;
  expiresAt: number;
  max: number;
  now: number;
  /** The account's live tokens in Mongo, when the script asked for them ('seed-needed'). */
  known?: { id: string; expiresAt: number }[];
  /** tokenLimit `revoke-oldest`: at the maximum, revoke the tokens that expire first instead of refusing. */
  revokeOldest?: boolean;
  /** Tests only: when a write in progress counts as abandoned (default ABANDONED_WRITE_MS). */
  abandonedWriteMs?: number;
}

/** A slot reservation's result, with the tokens revoked to make room for it (`revokeOldest` only). */
export interface TokenSlotOutcome {
  result: TokenSlotResult;
  revoked: { tokenId: string; expiresAt: number }[];
}

/** A revocation mark outlives the token by a minute (clock skew between hosts does not matter then). */
export const REVOCATION_MARGIN_MS = 60_000;

/**
 * `stale-copy`: the issuer's copy of the account is older than the record (or Redis cannot vouch for
 * it): read the account again. `seed-needed`: Redis has no live-token set: send the live tokens.
 */
export type TokenSlotResult = 'reserved' | 'full' | 'stale-generation' | 'stale-copy' | 'seed-needed';
const SLOT_RESULTS: Record<number, TokenSlotResult> = {
  1: 'reserved',
  0: 'full',
  [-1]: 'stale-generation',
  [-3]: 'stale-copy',
  [-4]: 'seed-needed',
};

/** cjson encodes an empty Lua table as `{}`; treat that as an empty list. */
const list = <T>(v: T[] | Record<string, never>): T[] => (Array.isArray(v) ? v : []);

function pairs(flat: string[]): [string, number][] {
  const out: [string, number][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i], Number(flat[i + 1])]);
  return out;
}

/**
 * Typed wrappers over the Lua scripts of the account's Redis state, on one client (the request-path
 * client, or a background loop's own). Every script is defined once per client and runs by EVALSHA
 * (ioredis falls back to EVAL once after a Redis restart). Arguments go in by name; only this class
 * knows their positions.
 */
export class AccessScripts {
  private readonly commands = new Map<ScriptName, ScriptCommand>();
  private admitCommand?: ScriptCommand;

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  prepareAdmission(r: AdmissionRequest): PreparedAdmission {
    const p = this.prefix;
    const a = r.accountId;
    return {
      accountId: a,
      keys: [
        accountStateKey(p, a),
        tokenStateKey(p, a, r.tokenId),
        usageDirtyKey(p, a),
        usageEventsKey(p, a),
        tokenLockoutsKey(p, a),
      ],
      tokenId: r.tokenId,
      generation: String(r.generation),
      limit: String(r.limit),
      periodMs: String(r.periodMs),
      lockoutMs: String(r.lockoutMs),
      scope: r.scope,
      warnAt: r.warnAt.join(','),
      usagePrefix: usageKeyPrefix(p, a),
    };
  }

  /**
   * The request path's one Redis call. `cost`: the route's, in credits. `revision`: of the caller's
   * copy of the account, which the script proves current (else `stale-copy`, nothing admitted).
   */
  async admit(
    a: PreparedAdmission,
    api: string,
    cost: number,
    clockOffsetMs: number,
    revision: number,
  ): Promise<AdmissionResult> {
    const k = a.keys;
    const admit = (this.admitCommand ??= this.command('admission', 5));
    const raw = (await admit(
      k[0],
      k[1],
      k[2],
      k[3],
      k[4],
      clockOffsetMs,
      a.tokenId,
      a.generation,
      api,
      a.limit,
      a.periodMs,
      a.lockoutMs,
      a.scope,
      a.warnAt,
      a.usagePrefix,
      revision,
      cost,
    )) as string[];
    return parseAdmission(raw);
  }

  /**
   * The account record's revision as the account's Redis state has it, or null when the state cannot
   * vouch for any copy (lost: no epoch; or a write in progress). One HMGET.
   */
  async revision(accountId: string): Promise<number | null> {
    const [epoch, revision, writing] = await this.redis.hmget(
      accountStateKey(this.prefix, accountId),
      'ep',
      'rev',
      'wip',
    );
    if (!epoch || revision === null || Number(writing ?? 0) > 0) return null;
    return Number(revision);
  }

  /** The script clock's now (Redis TIME plus offset), read on the account's own node. */
  async now(accountId: string, clockOffsetMs: number): Promise<number> {
    return Number(await this.command('now', 1)(accountStateKey(this.prefix, accountId), clockOffsetMs));
  }

  /** Claims a rebuild unless the state is there or another claim younger than `claimTimeoutMs` holds. */
  async rebuildBegin(
    accountId: string,
    clockOffsetMs: number,
    nonce: string,
    claimTimeoutMs = 5000,
  ): Promise<{ status: 'ready'; epoch: string } | { status: 'busy' } | { status: 'begun'; now: number }> {
    const raw = (await this.command('rebuildBegin', 1)(
      accountStateKey(this.prefix, accountId),
      clockOffsetMs,
      nonce,
      claimTimeoutMs,
    )) as string[];
    if (raw[0] === 'ready') return { status: 'ready', epoch: raw[1] };
    return raw[0] === 'busy' ? { status: 'busy' } : { status: 'begun', now: Number(raw[1]) };
  }

  async rebuildFinish(
    accountId: string,
    nonce: string,
    s: RebuildState,
  ): Promise<{ status: 'rebuilt' | 'ready'; epoch: string } | { status: 'retry' }> {
    const p = this.prefix;
    const state = {
      epoch: s.epoch,
      disabled: s.disabled,
      generation: s.generation,
      revision: s.revision,
      policies: s.policies,
      waivers: s.waivers,
      revoked: s.revoked.map((r) => [tokenStateKey(p, accountId, r.tokenId), r.markUntil]),
      base: s.base,
      baseExpireAt: s.baseExpireAt,
    };
    const raw = (await this.command('rebuildFinish', 2)(
      accountStateKey(p, accountId),
      usageBaseKey(p, accountId),
      nonce,
      JSON.stringify(state),
    )) as string[];
    return raw[0] === 'retry' ? { status: 'retry' } : { status: raw[0] as 'rebuilt' | 'ready', epoch: raw[1] };
  }

  /** Lifts every lockout and sets the given quota waivers; returns how many lockouts were in force. */
  async unlock(accountId: string, clockOffsetMs: number, waivers: Record<string, string>): Promise<number> {
    const p = this.prefix;
    return Number(
      await this.command('unlock', 2)(
        accountStateKey(p, accountId),
        tokenLockoutsKey(p, accountId),
        clockOffsetMs,
        JSON.stringify(waivers),
      ),
    );
  }

  async setDisabled(accountId: string, disabled: boolean): Promise<void> {
    await this.command('setDisabled', 1)(accountStateKey(this.prefix, accountId), disabled ? '1' : '0');
  }

  /** Policy specs by account-state field (see policyFields), replacing the account's. */
  async setPolicies(accountId: string, fields: Record<string, string>): Promise<void> {
    await this.command('setPolicies', 1)(accountStateKey(this.prefix, accountId), ...Object.entries(fields).flat());
  }

  async raiseGeneration(accountId: string, generation: number): Promise<void> {
    const p = this.prefix;
    await this.command('raiseGeneration', 2)(accountStateKey(p, accountId), activeTokensKey(p, accountId), generation);
  }

  async revokeToken(accountId: string, tokenId: string, markUntil: number): Promise<void> {
    const p = this.prefix;
    await this.command('revokeToken', 3)(
      tokenStateKey(p, accountId, tokenId),
      activeTokensKey(p, accountId),
      accountStateKey(p, accountId),
      markUntil,
      tokenId,
    );
  }

  async beginAccountWrite(accountId: string): Promise<void> {
    await this.command('beginAccountWrite', 1)(accountStateKey(this.prefix, accountId));
  }

  /** Ends a write begun by beginAccountWrite; `revision` null when the write did not happen. */
  async raiseRevision(accountId: string, revision: number | null): Promise<void> {
    await this.command('raiseRevision', 1)(accountStateKey(this.prefix, accountId), revision === null ? '' : revision);
  }

  async reserveTokenSlot(r: TokenSlotRequest): Promise<TokenSlotResult> {
    return (await this.reserveTokenSlotRevoking(r)).result;
  }

  /** {@link reserveTokenSlot}, telling which tokens it revoked to make room (with `revokeOldest`). */
  async reserveTokenSlotRevoking(r: TokenSlotRequest): Promise<TokenSlotOutcome> {
    const p = this.prefix;
    const seed = r.known ? r.known.flatMap((k) => [k.expiresAt, k.id]) : [];
    const flags = (r.fresh ? 1 : 0) + (r.known ? 2 : 0) + (r.revokeOldest ? 4 : 0);
    const raw = (await this.command('reserveTokenSlot', 2)(
      activeTokensKey(p, r.accountId),
      accountStateKey(p, r.accountId),
      r.now,
      r.max,
      r.expiresAt,
      r.tokenId,
      r.generation,
      r.revision,
      flags,
      r.abandonedWriteMs ?? ABANDONED_WRITE_MS,
      tokenStateKey(p, r.accountId, ''),
      REVOCATION_MARGIN_MS,
      ...seed,
    )) as number | (number | string)[];
    if (!Array.isArray(raw)) return { result: SLOT_RESULTS[Number(raw)] ?? 'full', revoked: [] };
    const revoked: TokenSlotOutcome['revoked'] = [];
    for (let i = 1; i + 1 < raw.length; i += 2)
      revoked.push({ tokenId: String(raw[i]), expiresAt: Number(raw[i + 1]) });
    return { result: 'reserved', revoked };
  }

  /** Whether a token is marked revoked in the account's state (one HEXISTS). */
  async isTokenRevoked(accountId: string, tokenId: string): Promise<boolean> {
    return (await this.redis.hexists(tokenStateKey(this.prefix, accountId, tokenId), 'revoked')) === 1;
  }

  async releaseTokenSlot(accountId: string, tokenId: string): Promise<void> {
    await this.redis.zrem(activeTokensKey(this.prefix, accountId), tokenId);
  }

  async usageSnapshot(accountId: string, maxEvents: number): Promise<UsageSnapshot> {
    const p = this.prefix;
    const raw = JSON.parse(
      (await this.command('usageSnapshot', 3)(
        usageDirtyKey(p, accountId),
        usageEventsKey(p, accountId),
        accountStateKey(p, accountId),
        usageKeyPrefix(p, accountId),
        maxEvents,
      )) as string,
    ) as {
      seq: number;
      days: [string, string, string, string, string[]][] | Record<string, never>;
      months: [string, string, string[]][] | Record<string, never>;
      events: string[] | Record<string, never>;
    };
    return {
      seq: raw.seq,
      days: list(raw.days).map(([field, version, epoch, day, flat]) => ({
        field,
        version: String(version),
        epoch,
        day,
        totals: pairs(flat),
      })),
      months: list(raw.months).map(([epoch, month, flat]) => ({ epoch, month, totals: pairs(flat) })),
      events: list(raw.events),
    };
  }

  /** Acknowledges an applied job's snapshot and forgets it as in flight; returns what is still pending. */
  async usageAck(accountId: string, job: InFlightJob): Promise<number> {
    const p = this.prefix;
    const args = [job.jobId, ...job.marks.flat(), '--', ...job.eventIds];
    return Number(
      await this.command('usageAck', 3)(
        usageDirtyKey(p, accountId),
        usageEventsKey(p, accountId),
        usageInFlightKey(p, accountId),
        ...args,
      ),
    );
  }

  async inFlightJob(accountId: string): Promise<InFlightJob | null> {
    const raw = (await this.command('usageInFlight', 1)(usageInFlightKey(this.prefix, accountId), 'get')) as
      string | null;
    return raw ? (JSON.parse(raw) as InFlightJob) : null;
  }

  async setInFlightJob(accountId: string, job: InFlightJob): Promise<void> {
    await this.command('usageInFlight', 1)(usageInFlightKey(this.prefix, accountId), 'set', JSON.stringify(job));
  }

  /** Forgets an in-flight job without acknowledging it (it failed: its usage and events ship again). */
  async dropInFlightJob(accountId: string, jobId: string): Promise<void> {
    await this.command('usageInFlight', 1)(usageInFlightKey(this.prefix, accountId), 'drop', jobId);
  }

  /**
   * Waits until a replica of the account's node has the writes made so far, when the node has
   * replicas: a failover to a replica then cannot undo a security write that was acknowledged.
   * Returns the replicas that acknowledged, or null when the node has none. Both commands go to the
   * node that owns the account (a pipeline follows its keyed command's slot on a cluster).
   */
  async waitForReplica(accountId: string, timeoutMs: number): Promise<number | null> {
    const key = accountStateKey(this.prefix, accountId);
    const info = await this.redis.pipeline().exists(key).info('replication').exec();
    const replicas = Number(/connected_slaves:(\d+)/.exec(String(info?.[1]?.[1] ?? ''))?.[1] ?? 0);
    if (!replicas) return null;
    const waited = await this.redis.pipeline().exists(key).wait(1, timeoutMs).exec();
    const err = waited?.[1]?.[0];
    if (err) throw err;
    return Number(waited?.[1]?.[1] ?? 0);
  }

  private command(name: ScriptName, numberOfKeys: number): ScriptCommand {
    let command = this.commands.get(name);
    if (!command) {
      command = scriptCommand(this.redis, `tgAccess_${name}`, numberOfKeys, LUA[name]);
      this.commands.set(name, command);
    }
    return command;
  }
}
