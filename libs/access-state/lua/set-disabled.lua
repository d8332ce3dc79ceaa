-- Disables or enables an account (after Mongo). Clears a rebuild claim: see rebuild-begin.lua.
-- KEYS: 1 account state hash. ARGV: 1 '1' disabled | '0' enabled.
if ARGV[1] == '1' then redis.call('HSET', KEYS[1], 'disabled', '1') else redis.call('HDEL', KEYS[1], 'disabled') end
redis.call('HDEL', KEYS[1], 'rb')
return 1
