-- Lifts every lockout of an account at once, the account-wide one and every token's, and sets the
-- quota waivers the caller has already recorded in Mongo ("day:<day> month:<month>" per API).
-- KEYS: 1 account state hash, 2 token lockouts. ARGV: 1 clock offset ms, 2 JSON {api: spec}.
-- Returns how many lockouts were in force.
local now = clockNow()
local lifted = (tonumber(redis.call('HGET', KEYS[1], 'lock') or '0') > now and 1 or 0) + redis.call('ZCOUNT', KEYS[2], '(' .. now, '+inf')
redis.call('HDEL', KEYS[1], 'lock', 'rb')
redis.call('DEL', KEYS[2])
for api, spec in pairs(cjson.decode(ARGV[2])) do redis.call('HSET', KEYS[1], 'qu:' .. api, spec) end
return lifted
