-- Marks a token revoked (after Mongo), until it would have expired anyway, and frees its live-token
-- slot. Clears a rebuild claim: see rebuild-begin.lua.
-- KEYS: 1 token state hash, 2 live tokens, 3 account state hash. ARGV: 1 mark expiry ms, 2 token id.
redis.call('HSET', KEYS[1], 'revoked', '1')
redis.call('PEXPIREAT', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('HDEL', KEYS[3], 'rb')
return 1
