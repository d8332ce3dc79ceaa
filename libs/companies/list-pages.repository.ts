import { randomBytes } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { StoreUnavailableError } from '@tollgate/domain-errors';
import { ChangeFeed, FeedCache, isDuplicateKey } from '@tollgate/persistence';
import { ListChunkDocument, type ListEntry } from './list-chunk.schema';
import { type ChunkRef, ListHeadDocument } from './list-head.schema';

/** A chunk splits above this many entries; the seed and splits fill chunks to FILL. */
const MAX_CHUNK = 128;
const FILL = 96;
/** Chunks kept in process (least recently used dropped first): a few MB at most. */
const CHUNK_CACHE_SIZE = 1_000;
/** Heads kept in process: every list of the sample dataset fits. */
const HEAD_CACHE_SIZE = 5_000;
/**
 * A cached head is re-read at least this often even without a change announcement: the bound on how
 * stale another process's copy can be when a writer could not announce its change (Redis away).
 */
const HEAD_MAX_AGE_MS = 10_000;
/** The change-feed topic of list heads (key: list name). */
const HEADS_TOPIC = 'data-list-heads';
/** Compare-and-set attempts before a change gives up (only under heavy contention on one list). */
const MAX_ATTEMPTS = 25;
/** Re-reads of a page whose chunk was replaced between reading the head and the chunk. */
const MAX_READ_ATTEMPTS = 5;

/** A list's head; a list small enough for one chunk keeps its entries in the head itself (`items`). */
type Head = { _id: string; v: number; total: number; chunks: ChunkRef[]; items?: ListEntry[] };
/** As stored: entries are one JSON string per chunk or head, which any store reads and writes as one field. */
type StoredHead = Omit<Head, 'items'> & { items?: string };

const encode = (entries: ListEntry[]) => JSON.stringify(entries);
const decode = <T = Record<string, unknown>>(stored: string) => JSON.parse(stored) as ListEntry<T>[];

/** Sort keys compare element by element, by code point (MongoDB's order for UTF-8 strings). */
export function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const x = a[i];
    const y = b[i];
    for (let p = 0, q = 0; p < x.length && q < y.length;) {
      const cx = x.codePointAt(p)!;
      const cy = y.codePointAt(q)!;
      if (cx !== cy) return cx < cy ? -1 : 1;
      p += cx > 0xffff ? 2 : 1;
      q += cy > 0xffff ? 2 : 1;
    }
    return x.length < y.length ? -1 : x.length > y.length ? 1 : 0;
  }
  return a.length - b.length;
}

const newChunkId = () => randomBytes(12).toString('base64url');

/** Entries cut into chunks of FILL (the last one takes the remainder). */
function cut<T>(entries: ListEntry<T>[]): ListEntry<T>[][] {
  const out: ListEntry<T>[][] = [];
  for (let i = 0; i < entries.length; i += FILL) out.push(entries.slice(i, i + FILL));
  return out;
}

/** Index of the chunk whose range holds `key`: the last one whose first key is not after it. */
function chunkFor(chunks: ChunkRef[], key: string[]): number {
  let lo = 0;
  let hi = chunks.length - 1;
  let at = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (compareKeys(chunks[mid].first, key) <= 0) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at;
}

/**
 * The data API's read model: sorted lists kept on write, read by primary key only. Only repositories
 * touch mongoose; this one owns `list_heads` and `list_chunks`. A page costs one head read and one or
 * two chunk reads, each by `_id`, however deep the page and whichever MongoDB-wire store serves it:
 * no scan, no sort and no count in the store (FerretDB pushes only `_id` equality down on SQLite).
 *
 * Writes are copy-on-write with a compare-and-set on the head's version, so concurrent writers on
 * several API processes never lose an entry (no transactions needed), and readers never see a torn
 * list. Writes to one list from this process are queued, so they do not contend with each other.
 */
@Injectable()
export class ListPagesRepository implements OnModuleInit {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly chunkCache = new Map<string, ListEntry[]>();
  /**
   * Heads in process, dropped on every change anywhere (see ChangeFeed): in steady state a page costs
   * the store nothing. Writers never use it: a compare-and-set needs the stored head.
   */
  private readonly headCache: FeedCache<Head | null>;

  constructor(
    @InjectModel(ListHeadDocument.name) private readonly heads: Model<ListHeadDocument>,
    @InjectModel(ListChunkDocument.name) private readonly chunks: Model<ListChunkDocument>,
    private readonly feed: ChangeFeed,
  ) {
    this.headCache = new FeedCache(feed, HEADS_TOPIC, HEAD_CACHE_SIZE, HEAD_MAX_AGE_MS);
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([
      this.heads.createCollection().catch(() => undefined),
      this.chunks.createCollection().catch(() => undefined),
    ]);
  }

  /** A list's head as readers see it: from the in-process copy while it is known to be current. */
  head(list: string): Promise<Head | null> {
    return this.headCache.get(list, () => this.storedHead(list));
  }

  /** The head as stored, for writers (compare-and-set) and for a reader that found a chunk gone. */
  private async storedHead(list: string): Promise<Head | null> {
    const doc = await this.heads.findById(list).lean<StoredHead>().exec();
    return doc
      ? { ...doc, items: doc.items === undefined || doc.items === null ? undefined : decode(doc.items) }
      : null;
  }

  /**
   * A chunk never changes once written (a change writes a new one under a new id), so chunks are
   * kept in process by id: a page then costs the store one read, its list's head.
   */
  private async chunk<T = Record<string, unknown>>(id: string): Promise<ListEntry<T>[] | null> {
    const cached = this.chunkCache.get(id);
    if (cached) {
      this.chunkCache.delete(id);
      this.chunkCache.set(id, cached);
      return cached as ListEntry<T>[];
    }
    const doc = await this.chunks.findById(id).lean<{ items: string }>().exec();
    if (!doc) return null;
    const entries = decode<T>(doc.items);
    if (this.chunkCache.size >= CHUNK_CACHE_SIZE) this.chunkCache.delete(this.chunkCache.keys().next().value as string);
    this.chunkCache.set(id, entries as ListEntry[]);
    return entries;
  }

  /** Entries [offset, offset + limit) of a list and its total; an absent list is empty. */
  async page<T>(list: string, offset: number, limit: number): Promise<{ items: T[]; total: number }> {
    for (let attempt = 0; attempt < MAX_READ_ATTEMPTS; attempt++) {
      const head = await this.head(list);
      if (!head) return { items: [], total: 0 };
      if (head.items)
        return { items: head.items.slice(offset, offset + limit).map((e) => e.d as T), total: head.total };
      const wanted: { ref: ChunkRef; start: number }[] = [];
      let start = 0;
      for (const ref of head.chunks) {
        if (start + ref.n > offset && start < offset + limit) wanted.push({ ref, start });
        start += ref.n;
        if (start >= offset + limit) break;
      }
      const docs = await Promise.all(wanted.map((w) => this.chunk<T>(w.ref.id)));
      if (docs.some((d) => !d)) {
        // A writer replaced a chunk after this head was read (or cached): read the head again.
        this.headCache.drop(list);
        continue;
      }
      const entries = docs.flatMap((d) => d!);
      const from = offset - (wanted[0]?.start ?? 0);
      return { items: entries.slice(Math.max(0, from), Math.max(0, from) + limit).map((e) => e.d), total: head.total };
    }
    throw new StoreUnavailableError(1);
  }

  /**
   * The entries whose key starts with `group` (a list sorted by [group, …] keeps each group's entries
   * together): page [offset, offset + limit) and the group's total, reading only the chunks it spans.
   */
  async group<T>(list: string, group: string, offset: number, limit: number): Promise<{ items: T[]; total: number }> {
    for (let attempt = 0; attempt < MAX_READ_ATTEMPTS; attempt++) {
      const head = await this.head(list);
      if (!head) return { items: [], total: 0 };
      let entries: ListEntry<T>[];
      if (head.items) entries = head.items as ListEntry<T>[];
      else {
        const ids: string[] = [];
        for (let i = head.chunks.length ? chunkFor(head.chunks, [group]) : 0; i < head.chunks.length; i++) {
          if (ids.length && head.chunks[i].first[0] !== group) break;
          ids.push(head.chunks[i].id);
        }
        const docs = await Promise.all(ids.map((id) => this.chunk<T>(id)));
        if (docs.some((d) => !d)) {
          this.headCache.drop(list);
          continue;
        }
        entries = docs.flatMap((d) => d!);
      }
      const matches = entries.filter((e) => e.k[0] === group);
      return { items: matches.slice(offset, offset + limit).map((e) => e.d), total: matches.length };
    }
    throw new StoreUnavailableError(1);
  }

  /** Every entry of a list, or null when it holds more than `max` (the caller then asks the store). */
  async all<T>(list: string, max: number): Promise<ListEntry<T>[] | null> {
    for (let attempt = 0; attempt < MAX_READ_ATTEMPTS; attempt++) {
      const head = await this.head(list);
      if (!head) return [];
      if (head.total > max) return null;
      if (head.items) return head.items as unknown as ListEntry<T>[];
      const docs = await Promise.all(head.chunks.map((ref) => this.chunk<T>(ref.id)));
      if (docs.some((d) => !d)) {
        this.headCache.drop(list);
        continue;
      }
      return docs.flatMap((d) => d!);
    }
    throw new StoreUnavailableError(1);
  }

  /** Removes the entries with the given keys and adds the given entries, as one change of the list. */
  apply(list: string, remove: string[][], add: ListEntry[]): Promise<void> {
    if (!remove.length && !add.length) return Promise.resolve();
    const previous = this.queues.get(list) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.applyNow(list, remove, add));
    this.queues.set(list, next);
    void next
      .finally(() => {
        if (this.queues.get(list) === next) this.queues.delete(list);
      })
      .catch(() => undefined);
    return next;
  }

  private async applyNow(list: string, remove: string[][], add: ListEntry[]): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const head: Head = (await this.storedHead(list)) ?? { _id: list, v: 0, total: 0, chunks: [], items: [] };
      if (head.items) {
        // A small list lives in its head: change it there, unless it outgrows one chunk.
        const items = head.items.filter((e) => !remove.some((k) => compareKeys(k, e.k) === 0)).concat(add);
        items.sort((a, b) => compareKeys(a.k, b.k));
        if (items.length <= MAX_CHUNK) {
          if (await this.swapHead(head, { total: items.length, chunks: [], items })) return;
          await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
          continue;
        }
        const pieces = cut(items).map((p) => ({ id: newChunkId(), items: p }));
        await this.chunks.insertMany(
          pieces.map((p) => ({ _id: p.id, items: encode(p.items) })),
          { ordered: true, lean: true },
        );
        const refs = pieces.map((p) => ({ id: p.id, n: p.items.length, first: p.items[0].k }));
        if (await this.swapHead(head, { total: items.length, chunks: refs, items: undefined })) return;
        await this.deleteChunks(pieces.map((p) => p.id));
        continue;
      }
      // Which chunks the change touches.
      const touched = new Set<number>();
      for (const k of [...remove, ...add.map((e) => e.k)])
        if (head.chunks.length) touched.add(chunkFor(head.chunks, k));
      const order = [...touched].sort((a, b) => a - b);
      const loaded = await Promise.all(order.map((i) => this.chunk(head.chunks[i].id)));
      if (loaded.some((d) => !d)) continue;
      // The touched chunks' entries, changed; untouched chunks stay as they are.
      const byIndex = new Map(order.map((i, j) => [i, loaded[j]!]));
      const removeSet = remove;
      const isRemoved = (e: ListEntry) => removeSet.some((k) => compareKeys(k, e.k) === 0);
      const placed = new Map<number, ListEntry[]>();
      for (const i of order)
        placed.set(
          i,
          byIndex.get(i)!.filter((e) => !isRemoved(e)),
        );
      if (!head.chunks.length) placed.set(0, []);
      for (const e of add) {
        const i = head.chunks.length ? chunkFor(head.chunks, e.k) : 0;
        placed.get(i)!.push(e);
      }
      const replacement: { index: number; pieces: { id: string; items: ListEntry[] }[] }[] = [];
      for (const [index, items] of placed) {
        items.sort((a, b) => compareKeys(a.k, b.k));
        const pieces = items.length === 0 ? [] : items.length <= MAX_CHUNK ? [items] : cut(items);
        replacement.push({ index, pieces: pieces.map((p) => ({ id: newChunkId(), items: p })) });
      }
      const fresh = replacement.flatMap((r) => r.pieces);
      if (fresh.length)
        await this.chunks.insertMany(
          fresh.map((p) => ({ _id: p.id, items: encode(p.items) })),
          { ordered: true, lean: true },
        );
      const refs: ChunkRef[] = [];
      const byReplaced = new Map(replacement.map((r) => [r.index, r.pieces]));
      const count = Math.max(head.chunks.length, 1);
      for (let i = 0; i < count; i++) {
        const pieces = byReplaced.get(i);
        if (pieces) for (const p of pieces) refs.push({ id: p.id, n: p.items.length, first: p.items[0].k });
        else if (head.chunks[i]) refs.push(head.chunks[i]);
      }
      const total = refs.reduce((s, r) => s + r.n, 0);
      const swapped = await this.swapHead(head, { total, chunks: refs });
      if (!swapped) {
        await this.deleteChunks(fresh.map((p) => p.id));
        await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
        continue;
      }
      await this.deleteChunks(order.map((i) => head.chunks[i].id));
      return;
    }
    throw new StoreUnavailableError(1);
  }

  /** One primary-key delete per chunk (an `$in` would be a scan on FerretDB). */
  private async deleteChunks(ids: string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.chunks.deleteOne({ _id: id }).exec()));
  }

  /** Compare-and-set of the head, announced to every process's copy when it took. */
  private async swapHead(
    head: Head,
    next: { total: number; chunks: ChunkRef[]; items?: ListEntry[] },
  ): Promise<boolean> {
    const swapped = await this.casHead(head, next);
    if (swapped) await this.feed.publish(HEADS_TOPIC, head._id);
    else this.headCache.drop(head._id);
    return swapped;
  }

  /** Compare-and-set of the head on its version; a new list is created by inserting its head. */
  private async casHead(
    head: Head,
    next: { total: number; chunks: ChunkRef[]; items?: ListEntry[] },
  ): Promise<boolean> {
    if (head.v === 0) {
      try {
        await this.heads.insertMany(
          [
            {
              _id: head._id,
              v: 1,
              total: next.total,
              chunks: next.chunks,
              ...(next.items ? { items: encode(next.items) } : {}),
            },
          ],
          { lean: true },
        );
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    }
    const update = next.items
      ? { $set: { v: head.v + 1, total: next.total, chunks: next.chunks, items: encode(next.items) } }
      : { $set: { v: head.v + 1, total: next.total, chunks: next.chunks }, $unset: { items: 1 } };
    const res = await this.heads.updateOne({ _id: head._id, v: head.v }, update).exec();
    return res.matchedCount === 1;
  }

  /**
   * Replaces whole lists at once (the seed and a rebuild from the record): new chunks first, then the
   * heads, then the chunks the old heads pointed at. Written in bounded batches of inserts (no
   * per-document update loops, which FerretDB 1.24 cannot run past its connection pool's size).
   */
  async replaceLists(lists: Map<string, ListEntry[]>): Promise<void> {
    const names = [...lists.keys()];
    const oldHeads: StoredHead[] = [];
    for (let i = 0; i < names.length; i += 500)
      oldHeads.push(
        ...(await this.heads
          .find({ _id: { $in: names.slice(i, i + 500) } }, { items: 0 })
          .lean<StoredHead[]>()
          .exec()),
      );
    const versions = new Map(oldHeads.map((h) => [h._id, h.v]));
    let chunkBatch: { _id: string; items: string }[] = [];
    const headDocs: StoredHead[] = [];
    const flush = async () => {
      if (chunkBatch.length) await this.chunks.insertMany(chunkBatch, { ordered: false, lean: true });
      chunkBatch = [];
    };
    for (const [name, entries] of lists) {
      entries.sort((a, b) => compareKeys(a.k, b.k));
      const v = (versions.get(name) ?? 0) + 1;
      if (entries.length <= MAX_CHUNK) {
        headDocs.push({ _id: name, v, total: entries.length, chunks: [], items: encode(entries) });
        continue;
      }
      const refs: ChunkRef[] = [];
      for (const piece of cut(entries)) {
        const id = newChunkId();
        chunkBatch.push({ _id: id, items: encode(piece) });
        refs.push({ id, n: piece.length, first: piece[0].k });
        if (chunkBatch.length >= 100) await flush();
      }
      headDocs.push({ _id: name, v, total: entries.length, chunks: refs });
    }
    await flush();
    const replaced = oldHeads.map((h) => h._id);
    for (let i = 0; i < replaced.length; i += 500)
      await this.heads.deleteMany({ _id: { $in: replaced.slice(i, i + 500) } }).exec();
    for (let i = 0; i < headDocs.length; i += 500)
      await this.heads.insertMany(headDocs.slice(i, i + 500), { ordered: false, lean: true });
    await this.feed.publishAll(HEADS_TOPIC);
    const stale = oldHeads.flatMap((h) => h.chunks.map((c) => c.id));
    for (let i = 0; i < stale.length; i += 500)
      await this.chunks.deleteMany({ _id: { $in: stale.slice(i, i + 500) } }).exec();
  }

  /** Deletes a list (its head, then its chunks). */
  async drop(list: string): Promise<void> {
    const head = await this.storedHead(list);
    if (!head) return;
    await this.heads.deleteOne({ _id: list }).exec();
    await this.feed.publish(HEADS_TOPIC, list);
    await this.deleteChunks(head.chunks.map((c) => c.id));
  }

  /** A marker document: whether the read model was built for this database. */
  async hasMarker(name: string): Promise<boolean> {
    return (await this.heads.exists({ _id: name }).exec()) !== null;
  }

  async setMarker(name: string): Promise<void> {
    await this.heads.updateOne({ _id: name }, { $set: { v: 1, total: 0, chunks: [] } }, { upsert: true }).exec();
  }
}
