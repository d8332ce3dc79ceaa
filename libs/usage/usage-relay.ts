import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Cluster } from 'ioredis';
import { AccessScripts, type InFlightJob, relayQueueKey } from '@tollgate/access-state';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { MetricsService } from '@tollgate/metrics';
import { createRedis, REDIS, type RedisClient } from '@tollgate/persistence';
import { JobName, jobOptions, QueueName, type UsageEvent, type UsageSnapshotJob } from '@tollgate/queue';
import { CLAIM_LUA, RELEASE_LUA } from './usage-relay.lua';
import { dayTotals } from './usage-fields';

const MAX_ACCOUNTS_PER_TICK = 200;
const MAX_EVENTS_PER_SNAPSHOT = 500;
/** Job states in which the in-flight job has not been applied yet (it may still be). */
const WAITING = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused']);

/**
 * Moves recorded usage from Redis into the usage queue, in the worker. Each tick claims due accounts
 * (a lease, so several workers share the work) and, per account, keeps at most one usage job in the
 * queue:
 * - while the account's job waits (or retries, e.g. during a store outage), newer totals and events
 *   stay in Redis and coalesce: the running totals only grow and the events stay listed, so the
 *   next job carries all of them; the queue does not grow with the outage;
 * - once the job has been applied (it is gone from the queue), what it carried is acknowledged:
 *   dirty marks cleared if unchanged, its events popped;
 * - if it failed for good, nothing is acknowledged: its totals and events go out again in the next
 *   job, so no event carried by a job is ever dropped.
 * Jobs have deterministic ids and are applied idempotently. A periodic sweep finds accounts whose
 * registration hint was lost (an API killed right after answering).
 */
@Injectable()
export class UsageRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UsageRelay.name);
  private readonly redis: RedisClient;
  private readonly scripts: AccessScripts;
  private stopped = false;
  private loop?: Promise<void>;
  private lastSweep = 0;

  constructor(
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
    @InjectQueue(QueueName.Usage) private readonly queue: Queue,
    @Inject(REDIS) private readonly commands: RedisClient,
    private readonly metrics: MetricsService,
  ) {
    this.redis = createRedis(config.redisUrl, 'relay', {}, config.redisCluster);
    this.scripts = new AccessScripts(this.redis, config.redisPrefix);
  }

  onApplicationBootstrap(): void {
    // The relay backlog, sampled at each scrape of the worker's /metrics: what an autoscaler (KEDA's
    // Prometheus trigger) reads to add workers. The request-path client, so that a scrape while
    // Redis is away fails at once instead of waiting for it.
    this.metrics.onScrape(async () =>
      this.metrics.relayBacklog.set(await this.commands.zcard(relayQueueKey(this.config.redisPrefix))),
    );
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.loop;
    this.redis.disconnect();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const now = Date.now();
        if (now - this.lastSweep >= this.config.sweepIntervalMs) {
          this.lastSweep = now;
          await this.sweep();
        }
        await this.tick();
      } catch (err) {
        this.logger.warn({ err: (err as Error).message }, 'usage relay tick failed; retrying');
      }
      await new Promise((r) => setTimeout(r, this.config.relayIntervalMs));
    }
  }

  /** One pass: returns how many accounts were relayed. */
  async tick(): Promise<number> {
    const now = Date.now();
    const leaseEnd = now + this.config.relayLeaseMs;
    const due = (await this.redis.eval(
      CLAIM_LUA,
      1,
      relayQueueKey(this.config.redisPrefix),
      now,
      leaseEnd,
      MAX_ACCOUNTS_PER_TICK,
    )) as string[];
    await Promise.all(due.map((accountId) => this.relayAccount(accountId, leaseEnd)));
    return due.length;
  }

  private async relayAccount(accountId: string, leaseEnd: number): Promise<void> {
    const inFlight = await this.scripts.inFlightJob(accountId);
    if (inFlight) {
      const state = await this.queue.getJobState(inFlight.jobId);
      if (WAITING.has(state)) return this.release(accountId, leaseEnd, true);
      // Completed jobs are removed, so 'unknown' means applied.
      if (state === 'failed') await this.scripts.dropInFlightJob(accountId, inFlight.jobId);
      else await this.scripts.usageAck(accountId, inFlight);
    }
    const snap = await this.scripts.usageSnapshot(accountId, MAX_EVENTS_PER_SNAPSHOT);
    const events = snap.events
      .map((e) => {
        try {
          return JSON.parse(e) as UsageEvent;
        } catch {
          return undefined;
        }
      })
      .filter((e): e is UsageEvent => !!e);
    if (!snap.days.length && !events.length) return this.release(accountId, leaseEnd, false);
    const job: UsageSnapshotJob = {
      accountId,
      seq: snap.seq,
      takenAt: Date.now(),
      days: snap.days.map((d) => ({ ...(d.epoch ? { epoch: d.epoch } : {}), day: d.day, ...dayTotals(d.totals) })),
      months: snap.months.map((m) => {
        const { apis, credits } = dayTotals(m.totals);
        return { ...(m.epoch ? { epoch: m.epoch } : {}), month: m.month, apis, credits };
      }),
      events,
    };
    const options = jobOptions(JobName.UsageSnapshot, { accountId, seq: snap.seq });
    // The job first, then the marker: a marker always names a job that was added, so "gone from the
    // queue" can only mean applied. A relay dying in between leaves an unmarked job: the next
    // snapshot ships the same totals again, which the idempotent processor absorbs.
    await this.queue.add(JobName.UsageSnapshot, job, options);
    const marker: InFlightJob = {
      jobId: options.jobId!,
      marks: snap.days.map((d) => [d.field, d.version]),
      eventIds: events.map((e) => e.id),
    };
    await this.scripts.setInFlightJob(accountId, marker);
    await this.release(accountId, leaseEnd, true);
  }

  /** Ends the claim; an account with a job in flight stays due, to acknowledge it once applied. */
  private async release(accountId: string, leaseEnd: number, again: boolean): Promise<void> {
    await this.redis.eval(
      RELEASE_LUA,
      1,
      relayQueueKey(this.config.redisPrefix),
      accountId,
      leaseEnd,
      again ? 1 : 0,
      Date.now(),
    );
  }

  /** Registers every account that has pending usage (or a job in flight) in Redis, whoever recorded it. */
  async sweep(): Promise<number> {
    const p = this.config.redisPrefix;
    const found = new Set<string>();
    // On a cluster every master holds a share of the accounts: scan each.
    const nodes = this.redis instanceof Cluster ? this.redis.nodes('master') : [this.redis];
    for (const node of nodes)
      for (const suffix of ['dirty', 'ev', 'relayjob']) {
        let cursor = '0';
        do {
          const [next, keys] = await node.scan(cursor, 'MATCH', `${p}:{*}:${suffix}`, 'COUNT', 1000);
          cursor = next;
          for (const key of keys) {
            const m = /\{([^}]+)\}/.exec(key);
            if (m) found.add(m[1]);
          }
        } while (cursor !== '0');
      }
    if (found.size) {
      const now = Date.now();
      const args: (string | number)[] = [];
      for (const a of found) args.push(now, a);
      await this.redis.zadd(relayQueueKey(p), 'NX', ...(args as [number, string]));
    }
    return found.size;
  }
}
