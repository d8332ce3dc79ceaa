import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { MetricsService } from '@tollgate/metrics';
import { REDIS, type RedisClient } from '@tollgate/persistence';
import { relayQueueKey } from '@tollgate/access-state';

const FLUSH_MS = 50;

/**
 * Tells the usage relay which accounts have fresh usage. The admission script asks for this when an
 * account's usage becomes dirty again after the relay shipped it, and otherwise at most once a
 * second per account; registrations are batched here into one ZADD per 50 ms, so it costs nothing
 * per request. It is only a hint: the usage itself is already in Redis, written by the
 * admission script, and the relay's periodic sweep finds any account whose hint was lost in a crash.
 */
@Injectable()
export class UsageRegistrar implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(UsageRegistrar.name);
  private pending = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    // The relay backlog, sampled at each metrics scrape.
    this.metrics.onScrape(async () =>
      this.metrics.relayBacklog.set(await this.redis.zcard(relayQueueKey(this.config.redisPrefix))),
    );
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  register(accountId: string): void {
    this.pending.add(accountId);
  }

  async flush(): Promise<void> {
    if (!this.pending.size || this.redis.status !== 'ready') return;
    const accounts = [...this.pending];
    this.pending = new Set();
    // Relay bookkeeping runs on wall time; usage days come from the admission script's clock.
    const now = Date.now();
    const args: (string | number)[] = [];
    for (const a of accounts) args.push(now, a);
    try {
      // LT: a registration makes a leased account due now, but never postpones one.
      await this.redis.zadd(relayQueueKey(this.config.redisPrefix), 'LT', ...(args as [number, string]));
    } catch (err) {
      for (const a of accounts) this.pending.add(a);
      this.logger.warn({ err: (err as Error).message }, 'usage registration deferred');
    }
  }
}
