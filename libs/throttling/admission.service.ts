import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AccessStateEvents,
  AccessStateRebuilder,
  AccessStateStore,
  type AdmissionResult,
  type PreparedAdmission,
} from '@tollgate/access-state';
import { Clock } from '@tollgate/clock';
import { MetricsService } from '@tollgate/metrics';
import { isUnsentCommand, REDIS, reconnectNow, type RedisClient } from '@tollgate/persistence';
import type { Principal } from '@tollgate/tokens';
import type { MeteredRoute } from '@tollgate/usage';

/** How long a request may wait for Redis to be reconnected when it is reachable again. */
const RECONNECT_WAIT_MS = 200;

type Prepared = PreparedAdmission & { epoch?: string };

/**
 * Runs the admission script: one EVALSHA per request in steady state. Two exceptions, both bounded:
 * - the script answers `rebuild` (Redis lost the account's state): the state is rebuilt from Mongo
 *   and the script runs once more; if that fails the answer is `unavailable` (503), never an admit;
 * - the connection is down but Redis answers again: the client reconnects at once and the script
 *   runs once more, so requests after Redis is back are counted instead of falling to the outage
 *   policy while the client sits in a reconnect backoff. Only when the first attempt was never sent:
 *   after a timeout or a connection lost with the script in flight, Redis may have run it (and
 *   counted the request), so sending it again could count one request twice; that request falls to
 *   the outage policy instead.
 */
@Injectable()
export class AdmissionService {
  private readonly logger = new Logger(AdmissionService.name);

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly state: AccessStateStore,
    private readonly rebuilder: AccessStateRebuilder,
    private readonly events: AccessStateEvents,
    private readonly clock: Clock,
    metrics: MetricsService,
  ) {
    events.onRebuilt(() => metrics.accessStateRebuilds.inc());
    events.onReplicaShortfall(() => metrics.replicaShortfalls.inc());
  }

  /**
   * `route`: the API product the request is metered under and its cost in credits. `revision`: of the
   * account copy the caller checked the request with (the script proves it current).
   */
  async admit(principal: Principal, route: MeteredRoute, revision: number): Promise<AdmissionResult> {
    const prepared = this.prepared(principal);
    let result = await this.run(prepared, route, revision);
    if (result.status === 'rebuild') {
      try {
        await this.rebuilder.rebuild(principal.accountId);
      } catch (err) {
        this.logger.error(
          { accountId: principal.accountId, err: (err as Error)?.message },
          'access state not rebuilt; refusing until it is',
        );
        return { status: 'unavailable' };
      }
      result = await this.run(prepared, route, revision);
      if (result.status === 'rebuild') return { status: 'unavailable' };
    }
    if (result.status === 'ok' && prepared.epoch !== result.epoch) {
      // Another process rebuilt the account's state: what this process cached from before is stale.
      if (prepared.epoch !== undefined) this.events.epochChanged(principal.accountId);
      prepared.epoch = result.epoch;
    }
    return result;
  }

  private async run(prepared: Prepared, route: MeteredRoute, revision: number): Promise<AdmissionResult> {
    const scripts = this.state.scripts;
    try {
      return await scripts.admit(prepared, route.api, route.cost, this.clock.offsetMs, revision);
    } catch (err) {
      if (!isUnsentCommand(err) || !(await reconnectNow(this.redis, RECONNECT_WAIT_MS))) throw err;
      return scripts.admit(prepared, route.api, route.cost, this.clock.offsetMs, revision);
    }
  }

  /** A principal's keys and policy arguments never change, so they are built once per cached principal. */
  private readonly byPrincipal = new WeakMap<Principal, Prepared>();

  private prepared(principal: Principal): Prepared {
    let prepared = this.byPrincipal.get(principal);
    if (!prepared) {
      const t = principal.throttle;
      prepared = this.state.scripts.prepareAdmission({
        accountId: principal.accountId,
        tokenId: principal.tokenId,
        generation: principal.generation,
        limit: t.limit,
        periodMs: t.periodSeconds * 1000,
        lockoutMs: t.lockoutSeconds * 1000,
        scope: t.scope,
        warnAt: t.warnAt,
      });
      this.byPrincipal.set(principal, prepared);
    }
    return prepared;
  }
}
