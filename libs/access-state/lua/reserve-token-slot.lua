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
-- With tokenLimit 'revoke-oldest' (flag 4) a full set makes room instead of refusing: the live tokens
-- that expire first (the oldest, under one tokenTtlSeconds) leave the set and are marked revoked in
-- the same atomic step as the new slot is taken, so however many issuers race, the set never holds
-- more than the maximum and an evicted token is refused on every instance from that moment (the
-- caller then records the revocation in Mongo before it answers). Their state keys are named from
-- ARGV 9, the account's token-state key prefix (same hash tag, so it holds on a cluster).
-- KEYS: 1 live tokens, 2 account state hash.
-- ARGV: 1 now, 2 max, 3 expiry, 4 token id, 5 generation, 6 revision of the caller's account,
--       7 flags (1: the account was read from the record just now; 2: seed given; 4: revoke oldest),
--       8 ms after which a write in progress counts as abandoned, 9 token state key prefix,
--       10 revocation mark margin ms, 11... seed: expiry1, id1, ...
-- Returns 1 reserved, 0 full, -1 stale generation, -3 stale copy, -4 seed needed, or
-- {2, id1, expiry1, id2, expiry2, ...}: reserved after revoking those tokens.
local state = redis.call('HMGET', KEYS[2], 'ep', 'gen', 'rev', 'wip', 'wipAt')
local flags = tonumber(ARGV[7])
local fresh = flags % 2 == 1
local seeded = math.floor(flags / 2) % 2 == 1
local revokeOldest = math.floor(flags / 4) % 2 == 1
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
  if #ARGV > 10 then redis.call('ZADD', KEYS[1], 'NX', unpack(ARGV, 11)) end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[2]) + 1
if over > 0 and not revokeOldest then return 0 end
local evicted = {2}
if over > 0 then
  for _, v in ipairs(redis.call('ZPOPMIN', KEYS[1], over)) do table.insert(evicted, v) end
  for i = 2, #evicted, 2 do
    local key = ARGV[9] .. evicted[i]
    redis.call('HSET', key, 'revoked', '1')
    redis.call('PEXPIREAT', key, tonumber(evicted[i + 1]) + tonumber(ARGV[10]))
  end
  -- A security write: a rebuild that read the record before it must read again (rebuild-begin.lua).
  redis.call('HDEL', KEYS[2], 'rb')
end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
redis.call('PEXPIREAT', KEYS[1], redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
if over > 0 then return evicted end
return 1
