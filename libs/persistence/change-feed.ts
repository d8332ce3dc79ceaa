import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { REDIS } from './redis.constants';
import { createRedis, type RedisClient } from './redis.factory';

/** What a process-local copy of store data hears from the feed. */
export interface ChangeListener {
  /** `key` of `topic` changed somewhere (in this process or another): drop it. */
  changed(key: string): void;
  /** Changes may have been missed (the feed's connection dropped): drop everything. */
  reset(): void;
}

/**
 * Cross-process invalidation for in-process copies of store data, over Redis pub/sub on one channel
 * per stack (`<REDIS_PREFIX>:changes`). A writer publishes after its store write; every process,
 * the writer's included, drops its copy. The writer's own listeners hear it synchronously, so a
 * process reads its own writes at once; other processes hear it within a Redis round trip.
 *
 * Pub/sub delivers at most once: a message is lost only with the subscriber's connection. So copies
 * are served only while the feed is live (subscribed, see {@link isLive}); when the connection drops,
 * every listener is reset and readers go to the store until the subscription is back. Nothing here is
 * a record or a security decision: a copy is data the store holds, and the store stays the answer
 * whenever the feed cannot vouch for the copy.
 */
@Injectable()
export class ChangeFeed implements OnApplicationShutdown {
  private readonly logger = new Logger(ChangeFeed.name);
  private readonly channel: string;
  private readonly listeners = new Map<string, Set<ChangeListener>>();
  private subscriber?: RedisClient;
  private live = false;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
  ) {
    this.channel = `${config.redisPrefix}:changes`;
  }

  /** Whether every change published since the subscription began has reached this process. */
  get isLive(): boolean {
    return this.live;
  }

  /** Listens to one topic; the subscription opens with the first listener (processes without copies open none). */
  listen(topic: string, listener: ChangeListener): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    this.subscribe();
    return () => set!.delete(listener);
  }

  /**
   * Announces a change of `key` after it was written to the store. Best effort across processes: if
   * Redis is away, the others are not subscribed either (so they read the store), or they hear of it
   * through their copies' maximum age.
   */
  async publish(topic: string, key: string): Promise<void> {
    this.deliver(topic, key);
    try {
      await this.redis.publish(this.channel, `${topic}\n${key}`);
    } catch (err) {
      this.logger.warn({ topic, err: (err as Error)?.message }, 'change not announced to other processes');
    }
  }

  /** Announces that any key of `topic` may have changed (a bulk rewrite): every copy of it is dropped. */
  publishAll(topic: string): Promise<void> {
    return this.publish(topic, '');
  }

  private deliver(topic: string, key: string): void {
    for (const l of this.listeners.get(topic) ?? []) {
      if (key === '') l.reset();
      else l.changed(key);
    }
  }

  private resetAll(): void {
    for (const set of this.listeners.values()) for (const l of set) l.reset();
  }

  private subscribe(): void {
    if (this.subscriber) return;
    // Its own connection (a subscribed connection takes no other commands), which waits for Redis
    // rather than failing fast, and subscribes again by itself on every (re)connection below.
    const sub = createRedis(this.config.redisUrl, 'relay', { autoResubscribe: false, connectionName: 'tollgate-changes' }, this.config.redisCluster);
    this.subscriber = sub;
    sub.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const cut = message.indexOf('\n');
      if (cut > 0) this.deliver(message.slice(0, cut), message.slice(cut + 1));
    });
    const down = () => {
      if (!this.live) return;
      this.live = false;
      this.resetAll();
    };
    sub.on('close', down);
    sub.on('end', down);
    sub.on('reconnecting', down);
    sub.on('ready', () => {
      sub.subscribe(this.channel).then(
        () => {
          // Anything cached before this moment may have missed a change while we were away.
          this.resetAll();
          this.live = true;
        },
        (err: Error) => this.logger.warn({ err: err?.message }, 'change feed not subscribed; copies are bypassed'),
      );
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.live = false;
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
