import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { REDIS } from './redis.constants';
import { createRedis, type RedisClient } from './redis.factory';

/** The heartbeat's topic: each process publishes its own numbered pings and expects them back in order. */
const PING_TOPIC = '~ping';
const PING_INTERVAL_MS = 1000;
/** No own ping back for this long: the feed is not live (its copies are dropped and bypassed). */
const PING_TIMEOUT_MS = 3500;

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
 * every listener is reset and readers go to the store until the subscription is back. A heartbeat of
 * numbered pings finds the gaps a connection event does not show (see subscribe). Nothing here is
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
  private heartbeat?: NodeJS.Timeout;
  private readonly instance = randomBytes(6).toString('hex');
  private pingSeq = 0;
  private lastPingSeq = 0;
  private lastPingAt = 0;

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
    const sub = createRedis(
      this.config.redisUrl,
      'relay',
      { autoResubscribe: false, connectionName: 'tollgate-changes' },
      this.config.redisCluster,
    );
    this.subscriber = sub;
    sub.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const cut = message.indexOf('\n');
      if (cut <= 0) return;
      const topic = message.slice(0, cut);
      if (topic === PING_TOPIC) this.heard(message.slice(cut + 1));
      else this.deliver(topic, message.slice(cut + 1));
    });
    const down = () => this.lost();
    sub.on('close', down);
    sub.on('end', down);
    sub.on('reconnecting', down);
    sub.on('ready', () => {
      sub.subscribe(this.channel).then(
        () => {
          // Anything cached before this moment may have missed a change while we were away.
          this.resetAll();
          this.lastPingAt = Date.now();
          this.live = true;
        },
        (err: Error) => this.logger.warn({ err: err?.message }, 'change feed not subscribed; copies are bypassed'),
      );
    });
    // The heartbeat: a gap the client library hides (a cluster subscriber moving to another node, a
    // half-open connection) shows as this process's own pings missing or out of sequence.
    this.heartbeat = setInterval(() => {
      if (this.live && Date.now() - this.lastPingAt > PING_TIMEOUT_MS) this.lost();
      this.redis.publish(this.channel, `${PING_TOPIC}\n${this.instance}:${++this.pingSeq}`).catch(() => undefined);
    }, PING_INTERVAL_MS);
    this.heartbeat.unref();
  }

  /** One of this process's own pings came back. */
  private heard(ping: string): void {
    const [instance, seq] = ping.split(':');
    if (instance !== this.instance) return;
    const n = Number(seq);
    const gap = this.lastPingSeq !== 0 && n !== this.lastPingSeq + 1;
    this.lastPingSeq = n;
    this.lastPingAt = Date.now();
    if (gap || !this.live) {
      // Messages may have been lost in between: start over from the store.
      this.resetAll();
      if (this.subscriber?.status === 'ready') this.live = true;
    }
  }

  private lost(): void {
    if (!this.live) return;
    this.live = false;
    this.resetAll();
  }

  async onApplicationShutdown(): Promise<void> {
    this.live = false;
    if (this.heartbeat) clearInterval(this.heartbeat);
    // No QUIT: a subscriber has nothing to flush, and QUIT would wait for a Redis that is away.
    this.subscriber?.disconnect();
  }
}
