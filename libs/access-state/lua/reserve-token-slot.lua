-- Reserves a live-token slot atomically, so `maxActiveTokens` holds exactly however many instances
-- issue at once. Expired members are dropped first. The live tokens in Mongo (ARGV 6...) seed the
-- set when Redis has none (after a loss). A revoke-all between reading the account and reserving
-- would otherwise seed the set with revoked tokens and issue a token of the old generation.
-- KEYS: 1 live tokens, 2 account state hash. ARGV: 1 now, 2 max, 3 expiry, 4 token id,
--       5 generation, 6... expiry1, id1, ...
-- Returns 1 reserved, 0 full, -1 stale generation.
if tonumber(redis.call('HGET', KEYS[2], 'gen') or '0') > tonumber(ARGV[5]) then return -1 end
if redis.call('EXISTS', KEYS[1]) == 0 and #ARGV > 5 then redis.call('ZADD', KEYS[1], 'NX', unpack(ARGV, 6)) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
redis.call('PEXPIREAT', KEYS[1], redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
return 1
