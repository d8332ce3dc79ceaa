-- Before any write to the account record (then Mongo, then raise-revision.lua): issuers stop using
-- their in-process copies of the account until the write has raised the revision, so a write whose
-- Redis step never comes (a crash, Redis away at that moment) can leave copies unused, never stale.
-- 'wip' counts writes in progress; 'wipAt' (Redis time, ms) is when the last one began: a count
-- left behind by a writer that died is cleared by the first issuer that reads the record more than
-- a stale-after interval later (see reserve-token-slot.lua). Clears a rebuild claim (see
-- rebuild-begin.lua), so a rebuild that read the record before this write reads it again.
-- KEYS: 1 account state hash.
local t = redis.call('TIME')
redis.call('HINCRBY', KEYS[1], 'wip', 1)
redis.call('HSET', KEYS[1], 'wipAt', t[1] * 1000 + math.floor(t[2] / 1000))
redis.call('HDEL', KEYS[1], 'rb')
return 1
