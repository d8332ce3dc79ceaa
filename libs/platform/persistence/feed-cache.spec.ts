import { describe, expect, it } from 'vitest';
import type { ChangeFeed, ChangeListener } from './change-feed';
import { FeedCache } from './feed-cache';

/** A feed whose liveness and announcements the test drives. */
function fakeFeed() {
  let listener: ChangeListener | undefined;
  const feed = {
    isLive: true,
    listen: (_topic: string, l: ChangeListener) => {
      listener = l;
      return () => undefined;
    },
  };
  return { feed, announce: (key: string) => listener!.changed(key), reset: () => listener!.reset() };
}

/** A store that counts reads and answers what the test last wrote. */
function fakeStore() {
  const data = new Map<string, string>();
  let reads = 0;
  const gates: (() => void)[] = [];
  return {
    data,
    get reads() {
      return reads;
    },
    load:
      (key: string, held = false) =>
      async () => {
        reads++;
        const value = data.get(key) ?? 'absent';
        if (held) await new Promise<void>((r) => gates.push(r));
        return value;
      },
    release: () => gates.splice(0).forEach((g) => g()),
  };
}

describe('FeedCache', () => {
  it('serves a key from memory after one load, until a change of that key is announced', async () => {
    const { feed, announce } = fakeFeed();
    const store = fakeStore();
    const cache = new FeedCache<string>(feed as unknown as ChangeFeed, 't', 10, 60_000);
    store.data.set('a', 'v1');
    expect(await cache.get('a', store.load('a'))).toBe('v1');
    expect(await cache.get('a', store.load('a'))).toBe('v1');
    expect(store.reads).toBe(1);
    store.data.set('a', 'v2');
    announce('b');
    expect(await cache.get('a', store.load('a'))).toBe('v1'); // another key's change keeps this one
    announce('a');
    expect(await cache.get('a', store.load('a'))).toBe('v2');
    expect(store.reads).toBe(2);
  });

  it('goes to the store while the feed is not live, and keeps nothing from that time', async () => {
    const { feed } = fakeFeed();
    const store = fakeStore();
    const cache = new FeedCache<string>(feed as unknown as ChangeFeed, 't', 10, 60_000);
    feed.isLive = false;
    await cache.get('a', store.load('a'));
    await cache.get('a', store.load('a'));
    expect(store.reads).toBe(2);
    expect(cache.size).toBe(0);
    feed.isLive = true;
    await cache.get('a', store.load('a'));
    await cache.get('a', store.load('a'));
    expect(store.reads).toBe(3);
  });

  it('shares one load among concurrent misses, and does not keep a load that a change overtook', async () => {
    const { feed, announce } = fakeFeed();
    const store = fakeStore();
    const cache = new FeedCache<string>(feed as unknown as ChangeFeed, 't', 10, 60_000);
    store.data.set('a', 'old');
    const first = cache.get('a', store.load('a', true));
    const second = cache.get('a', store.load('a', true));
    await Promise.resolve();
    expect(store.reads).toBe(1);
    // The write lands and is announced while the load (which read 'old') is still in flight.
    store.data.set('a', 'new');
    announce('a');
    const third = cache.get('a', store.load('a', true)); // asked after the change: a load of its own
    store.release();
    await new Promise((r) => setImmediate(r));
    store.release();
    expect(await first).toBe('old');
    expect(await second).toBe('old');
    expect(await third).toBe('new');
    expect(store.reads).toBe(2);
    expect(await cache.get('a', store.load('a'))).toBe('new'); // the overtaken 'old' was never kept
    expect(store.reads).toBe(2);
  });

  it('drops everything on a reset, re-reads entries older than the maximum age, and evicts the least recently used', async () => {
    const { feed, reset } = fakeFeed();
    const store = fakeStore();
    const cache = new FeedCache<string>(feed as unknown as ChangeFeed, 't', 2, 60_000);
    for (const k of ['a', 'b']) await cache.get(k, store.load(k));
    reset();
    expect(cache.size).toBe(0);
    for (const k of ['a', 'b', 'a', 'c']) await cache.get(k, store.load(k)); // 'b' is least recently used
    expect(store.reads).toBe(5);
    await cache.get('a', store.load('a'));
    await cache.get('b', store.load('b'));
    expect(store.reads).toBe(6);
    const aged = new FeedCache<string>(feed as unknown as ChangeFeed, 't', 2, 0);
    await aged.get('a', store.load('a'));
    await aged.get('a', store.load('a'));
    expect(store.reads).toBe(8);
  });
});
