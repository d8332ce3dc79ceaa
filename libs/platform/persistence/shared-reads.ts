/**
 * Concurrent reads of one key share one store call (single flight): the first caller starts the read
 * and later callers of the same key, while it is in flight, receive its result. `share` tells each
 * caller whether it started the read or joined one, because a joined read began before the joiner
 * did and may predate a write the joiner should see: callers that need "read after my start" treat a
 * joined result as a copy to be checked, not as a fresh read.
 */
export class SharedReads<K, V> {
  private readonly inflight = new Map<K, Promise<V>>();

  async share(key: K, read: () => Promise<V>): Promise<{ value: V; joined: boolean }> {
    const running = this.inflight.get(key);
    if (running) return { value: await running, joined: true };
    const started = read().finally(() => this.inflight.delete(key));
    this.inflight.set(key, started);
    return { value: await started, joined: false };
  }
}
