import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tollgate/clock';
import { AccessRecordSource, NOTHING_USED } from './access-record';
import { AccessStateEvents } from './access-state.events';
import { AccessStateStore } from './access-state.store';
import { periodOf } from './quota-specs';
import { QuotaWaiversRepository } from './quota-waivers.repository';

const MAX_ATTEMPTS = 3;
/** A claim older than this is taken over (its process died mid-rebuild). */
const CLAIM_TIMEOUT_MS = 3000;
/** How long a request waits for the state, at most: then it is answered 503. */
const WAIT_MS = 4000;
const POLL_MS = 20;

/**
 * Rebuilds an account's Redis state from the record in Mongo after Redis lost it: disabled,
 * token generation, quotas, the current period's waivers, revoked-but-unexpired tokens, and the
 * usage already recorded this day and month as the new epoch's quota starting point. Everything
 * plus the new epoch is set by one script, so the admission script sees all of it or none.
 *
 * Two-phase (claim, read Mongo, finish only if the claim still holds): a security write that lands
 * while the record is being read clears the claim, and the rebuild reads again, so a rebuild can
 * never put back an older state over a newer write. Single-flight per account in this process;
 * other processes that race find the state ready and do nothing.
 *
 * Provided by the module that supplies the AccessRecordSource (it needs accounts, tokens, usage).
 */
@Injectable()
export class AccessStateRebuilder {
  private readonly logger = new Logger(AccessStateRebuilder.name);
  private readonly inflight = new Map<string, Promise<void>>();

  constructor(
    private readonly store: AccessStateStore,
    private readonly source: AccessRecordSource,
    private readonly waivers: QuotaWaiversRepository,
    private readonly events: AccessStateEvents,
    private readonly clock: Clock,
  ) {}

  /** Resolves once the account's state is complete in Redis again; rejects if the record is unreachable. */
  rebuild(accountId: string): Promise<void> {
    let running = this.inflight.get(accountId);
    if (!running) {
      running = this.run(accountId).finally(() => this.inflight.delete(accountId));
      this.inflight.set(accountId, running);
    }
    return running;
  }

  private async run(accountId: string): Promise<void> {
    const scripts = this.store.scripts;
    const deadline = Date.now() + WAIT_MS;
    for (let attempt = 0; attempt < MAX_ATTEMPTS && Date.now() < deadline;) {
      const nonce = randomBytes(9).toString('base64url');
      const begun = await scripts.rebuildBegin(accountId, this.clock.offsetMs, nonce, CLAIM_TIMEOUT_MS);
      if (begun.status === 'ready') return;
      if (begun.status === 'busy') {
        // Another process is rebuilding it: wait for that instead of racing it.
        await new Promise((r) => setTimeout(r, POLL_MS));
        continue;
      }
      attempt++;
      const period = { now: begun.now, ...periodOf(begun.now) };
      const [record, waivers] = await Promise.all([
        this.source.load(accountId, period),
        this.waivers.current(accountId, [period.hour, period.day, period.month]),
      ]);
      // No record: the account does not exist (any more). A disabled state refuses its tokens.
      const state = this.store.stateOf(
        record ?? {
          disabled: true,
          tokenGeneration: 0,
          revision: 0,
          quotas: [],
          windows: [],
          credits: null,
          revokedTokens: [],
          used: NOTHING_USED,
        },
        waivers,
        begun.now,
      );
      const done = await scripts.rebuildFinish(accountId, nonce, state);
      if (done.status === 'retry') continue;
      if (done.status === 'rebuilt') {
        await this.store.replicated(accountId);
        this.logger.warn(
          {
            accountId,
            epoch: done.epoch,
            disabled: state.disabled,
            generation: state.generation,
            revokedTokens: state.revoked.length,
            quotaBase: state.base,
          },
          'redis had lost this account access state; rebuilt it from the record',
        );
        this.events.rebuilt(accountId);
      }
      return;
    }
    throw new Error(`access state of ${accountId} not rebuilt in time`);
  }
}
