import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tollgate/clock';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { REDIS, type RedisClient } from '@tollgate/persistence';
import {
  type AccessRecord,
  type AccountPolicies,
  NOTHING_USED,
  type QuotaRule,
  type QuotaWaiver,
} from './access-record';
import {
  AccessScripts,
  type RebuildState,
  REVOCATION_MARGIN_MS,
  type TokenSlotOutcome,
  type TokenSlotRequest,
  type TokenSlotResult,
} from './access-scripts';
import { AccessStateEvents } from './access-state.events';
import { periodOf, policyFields, waiverSpecs } from './quota-specs';
import { QuotaWaiversRepository } from './quota-waivers.repository';

/** How long a security write waits for a replica's acknowledgement (only when the node has replicas). */
const REPLICA_WAIT_MS = 1000;
const DAY_MS = 86_400_000;

/** A new epoch id: also a usage segment id, so it must be unique per rebuild and safe in keys and ids. */
export function newEpoch(now: number): string {
  return `e${now.toString(36)}${randomBytes(3).toString('hex')}`;
}

/**
 * The Redis side of every security decision the admission script enforces. Callers write the record
 * in Mongo first and then call here, so Redis is never stricter-only-in-Redis: anything it holds can
 * be rebuilt from Mongo (see AccessStateRebuilder). Each write clears a rebuild claim in the same
 * script, and waits for a replica when the account's node has one, so an acknowledged write survives
 * a failover.
 */
@Injectable()
export class AccessStateStore {
  private readonly logger = new Logger(AccessStateStore.name);
  readonly scripts: AccessScripts;

  constructor(
    @Inject(REDIS) redis: RedisClient,
    @Inject(TOLLGATE_CONFIG) config: TollgateConfig,
    private readonly clock: Clock,
    private readonly waivers: QuotaWaiversRepository,
    private readonly events: AccessStateEvents,
  ) {
    this.scripts = new AccessScripts(redis, config.redisPrefix);
  }

  /** A new account's state: complete from the start (its epoch set), so its first request needs no rebuild. */
  async initialize(accountId: string, policies: AccountPolicies, revision: number): Promise<void> {
    const record: AccessRecord = {
      disabled: false,
      tokenGeneration: 0,
      revision,
      ...policies,
      revokedTokens: [],
      used: NOTHING_USED,
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      const nonce = randomBytes(9).toString('base64url');
      const begun = await this.scripts.rebuildBegin(accountId, this.clock.offsetMs, nonce, 0);
      if (begun.status !== 'begun') break;
      const done = await this.scripts.rebuildFinish(accountId, nonce, this.stateOf(record, [], begun.now));
      if (done.status !== 'retry') break;
    }
    await this.replicated(accountId);
  }

  async setDisabled(accountId: string, disabled: boolean): Promise<void> {
    await this.scripts.setDisabled(accountId, disabled);
    await this.replicated(accountId);
  }

  /** Replaces the account's quotas, windows and credits: a change takes effect on the next request. */
  async setPolicies(accountId: string, policies: AccountPolicies): Promise<void> {
    await this.scripts.setPolicies(accountId, policyFields(policies));
    await this.replicated(accountId);
  }

  /** Revoke-all: raises the generation below which tokens are refused and empties the live-token set. */
  async raiseGeneration(accountId: string, generation: number): Promise<void> {
    await this.scripts.raiseGeneration(accountId, generation);
    await this.replicated(accountId);
  }

  /**
   * Before any write to the account record: issuers stop using their copies of the account until
   * {@link endAccountWrite}. Fails (Redis away) before anything is written.
   */
  async beginAccountWrite(accountId: string): Promise<void> {
    await this.scripts.beginAccountWrite(accountId);
  }

  /**
   * After the write: raises the revision below which copies are refused (null: the write did not
   * happen) and lets copies at it be used again.
   */
  async endAccountWrite(accountId: string, revision: number | null): Promise<void> {
    await this.scripts.raiseRevision(accountId, revision);
    await this.replicated(accountId);
  }

  async revokeToken(accountId: string, tokenId: string, expiresAt: Date): Promise<void> {
    await this.scripts.revokeToken(accountId, tokenId, expiresAt.getTime() + REVOCATION_MARGIN_MS);
    await this.replicated(accountId);
  }

  reserveTokenSlot(r: TokenSlotRequest): Promise<TokenSlotResult> {
    return this.scripts.reserveTokenSlot(r);
  }

  /**
   * A slot that may revoke the account's oldest tokens to make room (tokenLimit `revoke-oldest`): the
   * revocation marks are set in the same atomic step, so they hold on every instance at once; the
   * caller records them in Mongo before it answers. Waits for a replica when it revoked any.
   */
  async reserveTokenSlotRevoking(r: TokenSlotRequest): Promise<TokenSlotOutcome> {
    const outcome = await this.scripts.reserveTokenSlotRevoking(r);
    if (outcome.revoked.length) await this.replicated(r.accountId);
    return outcome;
  }

  isTokenRevoked(accountId: string, tokenId: string): Promise<boolean> {
    return this.scripts.isTokenRevoked(accountId, tokenId);
  }

  releaseTokenSlot(accountId: string, tokenId: string): Promise<void> {
    return this.scripts.releaseTokenSlot(accountId, tokenId);
  }

  /**
   * Lifts every lockout of the account and waives each quota's hard limit for the rest of the
   * current hour, day and month (named by the script clock, as the admission script names them). The
   * waivers are recorded in Mongo first. Returns how many lockouts were in force.
   */
  async unlock(accountId: string, quotas: QuotaRule[]): Promise<number> {
    const now = await this.scripts.now(accountId, this.clock.offsetMs);
    const { hour, day, month } = periodOf(now);
    const apis = [...new Set(quotas.map((q) => q.api))];
    const waivers: QuotaWaiver[] = apis.flatMap((api) => [
      { api, period: 'hour' as const, key: hour },
      { api, period: 'day' as const, key: day },
      { api, period: 'month' as const, key: month },
    ]);
    await this.waivers.record(accountId, waivers, new Date(now));
    const lifted = await this.scripts.unlock(accountId, this.clock.offsetMs, waiverSpecs(waivers));
    await this.replicated(accountId);
    return lifted;
  }

  /** What a rebuild writes for a record, at the script clock's `now`. */
  stateOf(record: AccessRecord, waivers: QuotaWaiver[], now: number): RebuildState {
    const { hour, day, month } = periodOf(now);
    const base: Record<string, number> = {};
    for (const [api, used] of Object.entries(record.used.hour)) if (used > 0) base[`h:${hour}|${api}`] = used;
    for (const [api, used] of Object.entries(record.used.day)) if (used > 0) base[`d:${day}|${api}`] = used;
    for (const [api, used] of Object.entries(record.used.month)) if (used > 0) base[`m:${month}|${api}`] = used;
    // `$` is no API name (they are a-z 0-9 -): the month's credits across every API.
    if (record.used.credits > 0) base[`m:${month}|$credits`] = record.used.credits;
    return {
      epoch: newEpoch(now),
      disabled: record.disabled,
      generation: record.tokenGeneration,
      revision: record.revision,
      policies: policyFields(record),
      waivers: waiverSpecs(waivers),
      revoked: record.revokedTokens.map((t) => ({ tokenId: t.tokenId, markUntil: t.expiresAt + REVOCATION_MARGIN_MS })),
      base,
      // The base matters until the month ends; 32 days covers any month from any day in it.
      baseExpireAt: now + 32 * DAY_MS,
    };
  }

  /**
   * Waits for a replica of the account's node, when it has one. A write no replica acknowledged in
   * time is still in Mongo and on the master; it is logged and counted, not failed: a failover in
   * that window is the one case where it must be re-applied (README, Reliability).
   */
  async replicated(accountId: string): Promise<void> {
    try {
      const acks = await this.scripts.waitForReplica(accountId, REPLICA_WAIT_MS);
      if (acks === 0) {
        this.logger.warn(
          { accountId, waitedMs: REPLICA_WAIT_MS },
          'security write not acknowledged by a replica in time',
        );
        this.events.replicaShortfall(accountId);
      }
    } catch (err) {
      this.logger.warn(
        { accountId, err: (err as Error)?.message },
        'could not wait for a replica after a security write',
      );
      this.events.replicaShortfall(accountId);
    }
  }
}
