import { describe, expect, it } from 'vitest';
import { SharedReads } from './shared-reads';

/** A read the test finishes by hand, so the overlap is certain, not timed. */
function manualRead<V>() {
  let resolve!: (v: V) => void;
  let reject!: (e: unknown) => void;
  let calls = 0;
  const read = () => {
    calls++;
    return new Promise<V>((res, rej) => {
      resolve = res;
      reject = rej;
    });
  };
  return { read, resolve: (v: V) => resolve(v), reject: (e: unknown) => reject(e), calls: () => calls };
}

describe('SharedReads', () => {
  it('gives concurrent callers of one key one read, and says who joined', async () => {
    const reads = new SharedReads<string, number>();
    const r = manualRead<number>();
    const first = reads.share('a', r.read);
    const second = reads.share('a', r.read);
    r.resolve(7);
    expect(await first).toEqual({ value: 7, joined: false });
    expect(await second).toEqual({ value: 7, joined: true });
    expect(r.calls()).toBe(1);
  });

  it('starts a new read once the shared one has finished, and keeps keys apart', async () => {
    const reads = new SharedReads<string, number>();
    const a = manualRead<number>();
    const b = manualRead<number>();
    const pa = reads.share('a', a.read);
    const pb = reads.share('b', b.read);
    a.resolve(1);
    b.resolve(2);
    expect((await pa).value).toBe(1);
    expect((await pb).value).toBe(2);
    const again = manualRead<number>();
    const pc = reads.share('a', again.read);
    again.resolve(3);
    expect(await pc).toEqual({ value: 3, joined: false });
  });

  it('hands a failed read to every caller of it, and the next caller reads again', async () => {
    const reads = new SharedReads<string, number>();
    const r = manualRead<number>();
    const first = reads.share('a', r.read);
    const second = reads.share('a', r.read);
    r.reject(new Error('store away'));
    await expect(first).rejects.toThrow('store away');
    await expect(second).rejects.toThrow('store away');
    const next = manualRead<number>();
    const third = reads.share('a', next.read);
    next.resolve(5);
    expect((await third).value).toBe(5);
  });
});
