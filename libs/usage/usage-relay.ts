import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Cluster } from 'ioredis';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { accountStateKey } from '@tollgate/credentials';
import { createRedis, type RedisClient } from '@tollgate/persistence';
import { JobName, jobOptions, QueueName, type UsageEvent, type UsageSnapshotJob } from '@tollgate/queue';
import { relayQueueKey, usageDirtyKey, usageEventsKey, usageKeyPrefix } from './usage-keys';
import { ACK_LUA, CLAIM_LUA, RELEASE_LUA, SNAPSHOT_LUA } from './usage-relay.lua';

const MAX_ACCOUNTS_PER_TICK = 200;
const MAX_EVENTS_PER_SNAPSHOT = 500;

type RawSnapshot = { seq: number; days: [string, string, string[]][] | Record<string, never>; months: [string, string[]][] | Record<string, never>; events: string[] | Record<string, never> };

/** cjson encodes an empty Lua table as `{}`; treat that as an empty list. */
const list = <T>(v: T[] | Record<string, never>): T[] => (Array.isArray(v) ? v : []);

function pairs(flat: string[]): [string, number][] {
  const out: [string, number][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i], Number(flat[i + 1])]);
  return out;
}

/**
 * Moves recorded usage from Redis into the usage queue, in the worker. Each tick claims due accounts
 * (a lease, so several workers share the work), snapshots each account's dirty totals and events,
 * enqueues one job per account with a deterministic id, and only then acknowledges. A periodic
 * sweep finds accounts whose registration hint was lost (an API killed right after answering).
 */
@Injectable()
export class UsageRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UsageRelay.name);
  private readonly redis: RedisClient;
  private stopped = false;
  private loop?: Promise<void>;
  private lastSweep = 0;

  constructor(
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
    @InjectQueue(QueueName.Usage) private readonly queue: Queue,
  ) {
    this.redis = createRedis(config.redisUrl, 'relay', {}, config.redisCluster);
  }

  onApplicationBootstrap(): void {
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
    const due = (await this.redis.eval(CLAIM_LUA, 1, relayQueueKey(this.config.redisPrefix), now, leaseEnd, MAX_ACCOUNTS_PER_TICK)) as string[];
    await Promise.all(due.map((accountId) => this.relayAccount(accountId, leaseEnd)));
    return due.length;
  }

  private async relayAccount(accountId: string, leaseEnd: number): Promise<void> {
    const p = this.config.redisPrefix;
    const dirtyKey = usageDirtyKey(p, accountId);
    const eventsKey = usageEventsKey(p, accountId);
    const raw = JSON.parse(
      (await this.redis.eval(SNAPSHOT_LUA, 3, dirtyKey, eventsKey, accountStateKey(p, accountId), usageKeyPrefix(p, accountId), MAX_EVENTS_PER_SNAPSHOT)) as string,
    ) as RawSnapshot;
    const days = list(raw.days);
    const events = list(raw.events)
      .map((e) => {
        try {
          return JSON.parse(e) as UsageEvent;
        } catch {
          return undefined;
        }
      })
      .filter((e): e is UsageEvent => !!e);
    let pending = 0;
    if (days.length || events.length) {
      const job: UsageSnapshotJob = {
        accountId,
        seq: raw.seq,
        takenAt: Date.now(),
        days: days.map(([day, , flat]) => {
          const apis: Record<string, number> = {};
          const tokens: Record<string, Record<string, number>> = {};
          for (const [field, total] of pairs(flat)) {
            const bar = field.indexOf('|');
            if (bar < 0) apis[field] = total;
            else (tokens[field.slice(0, bar)] ??= {})[field.slice(bar + 1)] = total;
          }
          return { day, apis, tokens };
        }),
        months: list(raw.months).map(([month, flat]) => ({ month, apis: Object.fromEntries(pairs(flat)) })),
        events,
      };
      await this.queue.add(JobName.UsageSnapshot, job, jobOptions(JobName.UsageSnapshot, { accountId, seq: raw.seq }));
      const ackArgs = [...days.flatMap(([day, version]) => [day, String(version)]), '--', ...events.map((e) => e.id)];
      pending = Number(await this.redis.eval(ACK_LUA, 2, dirtyKey, eventsKey, ...ackArgs));
    }
    await this.redis.eval(RELEASE_LUA, 1, relayQueueKey(p), accountId, leaseEnd, pending, Date.now());
  }

  /** Registers every account that has pending usage in Redis, whoever recorded it. */
  async sweep(): Promise<number> {
    const p = this.config.redisPrefix;
    const found = new Set<string>();
    // On a cluster every master holds a share of the accounts: scan each.
    const nodes = this.redis instanceof Cluster ? this.redis.nodes('master') : [this.redis];
    for (const node of nodes)
      for (const suffix of ['dirty', 'ev']) {
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
