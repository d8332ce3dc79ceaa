import type { ChangeFeed } from './change-feed';

/** A load in flight; `stale` once a change of its key (or a reset) arrived while it ran. */
interface Pending<V> {
  promise: Promise<V>;
  stale: boolean;
}

/**
 * An in-process, read-through copy of store data, kept exact by the {@link ChangeFeed}: an entry is
 * dropped when its key changes anywhere, everything when the feed may have missed a change, and
 * nothing is served from memory while the feed is not live (the store answers instead). `maxAgeMs`
 * bounds how long a copy can outlive a change whose announcement failed (Redis away at the writer).
 *
 * Concurrent misses of one key share one load (single flight). A load that a change overtook is
 * returned to the callers that were already waiting (it was current when they asked) but not kept,
 * and later callers start a new one, so a process never caches what it has been told is outdated.
 */
export class FeedCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();
  private readonly pending = new Map<string, Pending<V>>();

  constructor(
    private readonly feed: ChangeFeed,
    topic: string,
    private readonly maxEntries: number,
    private readonly maxAgeMs: number,
  ) {
    feed.listen(topic, { changed: (key) => this.drop(key), reset: () => this.clear() });
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    if (!this.feed.isLive) return load();
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < this.maxAgeMs) {
      // Least recently used goes first: re-insert to move the key to the end.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return Promise.resolve(hit.value);
    }
    const running = this.pending.get(key);
    if (running) return running.promise;
    const entry: Pending<V> = { stale: false, promise: undefined as never };
    entry.promise = load().then(
      (value) => {
        if (this.pending.get(key) === entry) this.pending.delete(key);
        if (!entry.stale && this.feed.isLive) this.keep(key, value);
        return value;
      },
      (err: unknown) => {
        if (this.pending.get(key) === entry) this.pending.delete(key);
        throw err;
      },
    );
    this.pending.set(key, entry);
    return entry.promise;
  }

  drop(key: string): void {
    this.entries.delete(key);
    const running = this.pending.get(key);
    if (running) {
      running.stale = true;
      this.pending.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
    for (const p of this.pending.values()) p.stale = true;
    this.pending.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private keep(key: string, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, at: Date.now() });
  }
}
