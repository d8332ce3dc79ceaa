import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { MetricsService } from '@tollgate/metrics';
import { StoreUnavailableError } from '@tollgate/domain-errors';
import { REDIS, type RedisClient, scriptCommand, type ScriptCommand } from '@tollgate/persistence';
import type { TokenRecord } from './token.types';
import { TokensRepository } from './tokens.repository';

/** Records moved to Mongo per insert: one command, well below any pool or batch limit of the store. */
const DRAIN_BATCH = 500;
/** How long an issuing process lets new records gather before it moves them (one insert per batch). */
const DRAIN_DELAY_MS = 100;
/** How often every API process looks for records another one left behind (it died before moving them). */
const SWEEP_INTERVAL_MS = 2_000;
/**
 * A process that took records to move has this long to move them before any other may take them
 * (it gives them back at once when the move fails): well under PENDING_MAX_AGE_MS, so a process
 * killed mid-move does not hold issuance up.
 */
const CLAIM_MS = 2_000;
/**
 * Issuance is refused (503) once the oldest record has waited this long: the store is away or not
 * keeping up, and a token must not live in Redis alone for longer than this.
 */
export const PENDING_MAX_AGE_MS = 5_000;
/** A flush moves at most this many batches, so it never runs unbounded behind a flood of issuances. */
const MAX_FLUSH_BATCHES = 40;

// Keys: KEYS[1] the records (hash → JSON), KEYS[2] when each was added (zset), KEYS[3] when each may
// be taken (zset: added, or the end of a claim). Times are Redis's own, the one clock every host
// shares (an operational bound, not a policy a test moves).
const NOW_LUA = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** Adds a record unless the oldest one waits beyond the bound: 1 added, 0 refused. */
const ADD_LUA = `${NOW_LUA}
local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
if oldest[2] and tonumber(oldest[2]) < now - tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], now, ARGV[1])
redis.call('ZADD', KEYS[3], now, ARGV[1])
return 1`;

/**
 * Takes up to ARGV[1] records as hash, record pairs ('' for an entry without a record: dropped).
 * ARGV[2] 'due': those no other process has claimed, claimed now for CLAIM_MS (so processes that
 * drain at once do not insert the same records); 'all': the oldest, claimed or not (a flush).
 */
const TAKE_LUA = `${NOW_LUA}
local hashes
if ARGV[2] == 'due' then
  hashes = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
else
  hashes = redis.call('ZRANGE', KEYS[2], 0, tonumber(ARGV[1]) - 1)
end
if #hashes == 0 then return {} end
local records = redis.call('HMGET', KEYS[1], unpack(hashes))
local out = {}
for i, h in ipairs(hashes) do
  if ARGV[2] == 'due' then redis.call('ZADD', KEYS[3], now + tonumber(ARGV[3]), h) end
  out[#out + 1] = h
  out[#out + 1] = records[i] or ''
end
return out`;

/** Gives taken records back (the move failed): due again at once. */
const RELEASE_LUA = `${NOW_LUA}
for _, h in ipairs(ARGV) do
  if redis.call('ZSCORE', KEYS[2], h) then redis.call('ZADD', KEYS[3], now, h) end
end
return 0`;

/** Forgets records once Mongo holds them. */
const DONE_LUA = `
redis.call('HDEL', KEYS[1], unpack(ARGV))
redis.call('ZREM', KEYS[2], unpack(ARGV))
redis.call('ZREM', KEYS[3], unpack(ARGV))
return 0`;

type Stored = Omit<TokenRecord, 'issuedAt' | 'expiresAt' | 'revokedAt'> & { issuedAt: number; expiresAt: number };

/**
 * Write-behind for issued tokens: an issuance stores its token record in Redis (one call) and is
 * answered; the records move to Mongo, the record, in batches, about DRAIN_DELAY_MS later. One
 * insert per batch instead of one per few tokens is what lets the local store issue 1,000 tokens a
 * second (README, *Benchmark*).
 *
 * What keeps the record the record:
 * - Records leave Redis only after Mongo acknowledged them (a duplicate key counts: another process
 *   moved it first), so a record is always in Redis, in Mongo, or both. A lookup by hash reads Redis
 *   first, then Mongo, and so never misses a token that exists.
 * - Whatever decides on Mongo's token records (revocations, lists, rebuilding the live-token set)
 *   calls `flush` first: every record added before the call is in Mongo when it returns. A
 *   revocation is thus written to a record that exists.
 * - A record waits at most PENDING_MAX_AGE_MS: past it issuance answers 503, as it did when the
 *   store was away before write-behind.
 * - What Redis holds alone can be lost with Redis's memory (not with an API or worker crash: any API
 *   process moves what another left behind). A lost token is unknown everywhere, in Redis's live-token
 *   set too once it is rebuilt from Mongo: its client gets 401 and fetches another. No access is ever
 *   granted by the loss.
 * Moving records is idempotent (`_id` is the token's hash): processes claim what they move so as not
 * to repeat each other's work, but a repeat (a claim that ran out, a flush) is harmless.
 * Keys share one `{pending-tokens}` hash tag: each script runs unchanged on a Redis Cluster.
 */
@Injectable()
export class PendingTokens implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PendingTokens.name);
  private readonly keys: [string, string, string];
  /** The scripts as EVALSHA commands (EVAL would send and hash each script's text on every call). */
  private readonly scripts: Record<'add' | 'take' | 'release' | 'done', ScriptCommand>;
  private drainTimer?: NodeJS.Timeout;
  private sweepTimer?: NodeJS.Timeout;
  /** The background drain in progress (one per process at a time). */
  private draining?: Promise<void>;
  /** Records were added while it ran: drain again after it. */
  private again = false;
  /** Shutting down: no new background drain. */
  private stopped = false;
  /** PENDING_MAX_AGE_MS (a test of the bound sets a shorter one on an instance of its own). */
  maxAgeMs = PENDING_MAX_AGE_MS;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
    private readonly tokens: TokensRepository,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    const key = (suffix: string) => `${config.redisPrefix}:{pending-tokens}:${suffix}`;
    this.keys = [key('records'), key('added'), key('due')];
    const define = (name: string, lua: string) => scriptCommand(redis, `tgPending_${name}`, 3, lua);
    this.scripts = {
      add: define('add', ADD_LUA),
      take: define('take', TAKE_LUA),
      release: define('release', RELEASE_LUA),
      done: define('done', DONE_LUA),
    };
  }

  onApplicationBootstrap(): void {
    // Only the API issues, so only API processes sweep (the CLI and the worker flush when they read).
    if (this.config.role !== 'api') return;
    // What an operator watches: it grows when the store is away or slow (issuance refuses past 5 s).
    this.metrics?.onScrape(async () => this.metrics!.pendingTokenRecords.set(await this.redis.zcard(this.keys[1])));
    this.sweepTimer = setInterval(() => this.drainSoon(0), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
    // Records an earlier process left (it stopped with the store away) move before anything else.
    this.drainSoon(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweepTimer);
    clearTimeout(this.drainTimer);
    this.drainTimer = undefined;
    await this.draining;
    // What this process answered goes to Mongo now rather than at another process's next sweep.
    if (this.config.role === 'api') await this.drain();
  }

  /** Stores a record until it moves to Mongo. StoreUnavailableError when records already wait too long. */
  async add(record: TokenRecord): Promise<void> {
    const stored: Stored = {
      ...record,
      issuedAt: record.issuedAt.getTime(),
      expiresAt: record.expiresAt.getTime(),
    };
    delete (stored as { revokedAt?: unknown }).revokedAt;
    const added = await this.scripts.add(...this.keys, record.tokenHash, JSON.stringify(stored), this.maxAgeMs);
    if (added !== 1) {
      this.drainSoon(0); // (it may be this process's own backlog, or one nobody is moving)
      throw new StoreUnavailableError();
    }
    this.drainSoon(DRAIN_DELAY_MS);
  }

  /** A record not moved to Mongo yet, by the token's keyed hash. */
  async find(tokenHash: string): Promise<TokenRecord | null> {
    const raw = await this.redis.hget(this.keys[0], tokenHash);
    return raw ? parse(raw) : null;
  }

  /**
   * Moves every record added before the call to Mongo, including those another process has claimed
   * (throws, with the records kept, if the store is away). One Redis call when there is nothing.
   */
  async flush(): Promise<void> {
    for (let batch = 0; batch < MAX_FLUSH_BATCHES; batch++) if ((await this.moveBatch('all')) < DRAIN_BATCH) return;
    throw new StoreUnavailableError();
  }

  /** Starts the background drain after `delayMs`, unless one is scheduled or running (it goes on until nothing is due). */
  private drainSoon(delayMs: number): void {
    if (this.stopped) return;
    if (this.draining) this.again = true;
    if (this.drainTimer || this.draining) return;
    this.drainTimer = setTimeout(() => {
      this.drainTimer = undefined;
      this.draining = this.drain().finally(() => {
        this.draining = undefined;
        if (this.again) {
          this.again = false;
          this.drainSoon(DRAIN_DELAY_MS);
        }
      });
    }, delayMs);
  }

  private async drain(): Promise<void> {
    try {
      for (let batch = 0; batch < MAX_FLUSH_BATCHES; batch++) if ((await this.moveBatch('due')) < DRAIN_BATCH) return;
    } catch (err) {
      // Kept in Redis and due again; the next issuance or sweep tries again, and issuance refuses
      // once they wait too long. (The error's name and code only: a bulk error's message can quote
      // a record's key, the token's keyed hash.)
      const e = err as { name?: string; code?: unknown };
      this.logger.warn({ err: e?.name, code: e?.code }, 'pending token records not moved to the store yet');
    }
  }

  /** Moves one batch; returns how many entries it took. */
  private async moveBatch(which: 'due' | 'all'): Promise<number> {
    const taken = (await this.scripts.take(...this.keys, DRAIN_BATCH, which, CLAIM_MS)) as string[];
    if (!taken.length) return 0;
    const hashes: string[] = [];
    const records: TokenRecord[] = [];
    for (let i = 0; i < taken.length; i += 2) {
      hashes.push(taken[i]);
      if (taken[i + 1]) records.push(parse(taken[i + 1]));
    }
    try {
      await this.tokens.insertIfAbsent(records);
    } catch (err) {
      if (which === 'due') await this.scripts.release(...this.keys, ...hashes).catch(() => undefined);
      throw err;
    }
    await this.scripts.done(...this.keys, ...hashes);
    return hashes.length;
  }
}

function parse(raw: string): TokenRecord {
  const s = JSON.parse(raw) as Stored;
  return { ...s, issuedAt: new Date(s.issuedAt), expiresAt: new Date(s.expiresAt), revokedAt: null };
}
