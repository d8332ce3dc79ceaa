import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';

/** A write the test releases by hand, so which items share a batch is decided by the test, not by timing. */
function heldWriter() {
  const batches: number[][] = [];
  const releases: (() => void)[] = [];
  const write = (items: number[]) =>
    new Promise<(unknown | undefined)[]>((resolve) => {
      batches.push(items);
      releases.push(() => resolve(items.map((n) => (n < 0 ? new Error(`bad ${n}`) : undefined))));
    });
  return { batches, releases, write };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('GroupCommit', () => {
  it('sends a lone writer at once, in a batch of one', async () => {
    const w = heldWriter();
    const gc = new GroupCommit(w.write);
    const done = gc.add(1);
    await tick();
    expect(w.batches).toEqual([[1]]);
    w.releases[0]();
    await expect(done).resolves.toBeUndefined();
  });

  it('coalesces writers that arrive while a batch is in flight into the next batch', async () => {
    const w = heldWriter();
    const gc = new GroupCommit(w.write);
    const first = gc.add(1);
    await tick();
    const waiting = [2, 3, 4, 5].map((n) => gc.add(n));
    await tick();
    expect(w.batches).toEqual([[1]]); // nothing else leaves while the first is in flight
    w.releases[0]();
    await first;
    await tick();
    expect(w.batches).toEqual([[1], [2, 3, 4, 5]]);
    w.releases[1]();
    await Promise.all(waiting);
  });

  it('splits at maxBatch and settles each item with its own error', async () => {
    const w = heldWriter();
    const gc = new GroupCommit(w.write, 2);
    const results = [1, -2, 3].map((n) =>
      gc.add(n).then(
        () => 'ok',
        (e: Error) => e.message,
      ),
    );
    await tick();
    expect(w.batches).toEqual([[1, -2]]);
    w.releases[0]();
    await tick();
    await tick();
    expect(w.batches).toEqual([[1, -2], [3]]);
    w.releases[1]();
    expect(await Promise.all(results)).toEqual(['ok', 'bad -2', 'ok']);
  });

  it('fails every item of a batch whose write throws, and keeps serving later writers', async () => {
    let calls = 0;
    const gc = new GroupCommit<number>(async (items) => {
      calls += 1;
      if (calls === 1) throw new Error('store away');
      return items.map(() => undefined);
    });
    const failed = await Promise.allSettled([gc.add(1), gc.add(2)]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(gc.add(3)).resolves.toBeUndefined();
  });
});
