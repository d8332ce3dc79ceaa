-- Revoke-all (after Mongo): raises the generation below which tokens are refused, never lowers it,
-- and empties the live-token set (every token of the account is revoked). Clears a rebuild claim:
-- see rebuild-begin.lua.
-- KEYS: 1 account state hash, 2 live tokens. ARGV: 1 generation.
if tonumber(ARGV[1]) > tonumber(redis.call('HGET', KEYS[1], 'gen') or '0') then redis.call('HSET', KEYS[1], 'gen', ARGV[1]) end
redis.call('DEL', KEYS[2])
redis.call('HDEL', KEYS[1], 'rb')
return 1
