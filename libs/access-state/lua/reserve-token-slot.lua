-- Reserves a live-token slot atomically, so `maxActiveTokens` holds exactly however many instances
-- issue at once, and vouches in the same step for the issuer's copy of the account.
--
-- The copy: an issuer may authenticate a client against the account as it read it earlier (in
-- process). Every write to the account record is announced here first ('wip', begin-account-write.lua),
-- then written to Mongo, then raises the revision here ('rev', raise-revision.lua). A copy is refused
-- with -3 (and the issuer reads the record again) while a write is in progress, when it is older than
-- 'rev', and while the state was lost ('ep' or 'rev' absent). An issuer that has just read the record
-- (fresh) passes its revision, which is raised here if Redis has less and no write is in progress (a
-- copy of the record's own value, so any order of such raises ends at the record's). A 'wip' older
-- than ARGV 8 ms was left by a writer that died: a fresh read, made after it, clears it.
-- The live tokens in Mongo seed the set when Redis has none (first token, or after a loss): the
-- script answers -4 when the set is absent and the caller sent no seed, and the caller reads Mongo.
-- A revoke-all between reading the account and reserving would otherwise seed the set with revoked
-- tokens and issue a token of the old generation: hence the generation check.
-- KEYS: 1 live tokens, 2 account state hash.
-- ARGV: 1 now, 2 max, 3 expiry, 4 token id, 5 generation, 6 revision of the caller's account,
--       7 flags (1: the account was read from the record just now; 2: seed given),
--       8 ms after which a write in progress counts as abandoned, 9... seed: expiry1, id1, ...
-- Returns 1 reserved, 0 full, -1 stale generation, -3 stale copy, -4 seed needed.
local state = redis.call('HMGET', KEYS[2], 'ep', 'gen', 'rev', 'wip', 'wipAt')
local flags = tonumber(ARGV[7])
local fresh = flags % 2 == 1
local seeded = flags >= 2
local writing = tonumber(state[4] or '0') > 0
if fresh then
  if writing then
    local t = redis.call('TIME')
    if t[1] * 1000 + math.floor(t[2] / 1000) - tonumber(state[5] or '0') > tonumber(ARGV[8]) then
      redis.call('HDEL', KEYS[2], 'wip', 'wipAt')
      writing = false
    end
  end
  if not writing and tonumber(ARGV[6]) > tonumber(state[3] or '-1') then redis.call('HSET', KEYS[2], 'rev', ARGV[6]) end
elseif writing or not state[1] or not state[3] or tonumber(state[3]) > tonumber(ARGV[6]) then
  return -3
end
if tonumber(state[2] or '0') > tonumber(ARGV[5]) then return -1 end
if redis.call('EXISTS', KEYS[1]) == 0 then
  if not seeded then return -4 end
  if #ARGV > 8 then redis.call('ZADD', KEYS[1], 'NX', unpack(ARGV, 9)) end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
redis.call('PEXPIREAT', KEYS[1], redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
return 1
