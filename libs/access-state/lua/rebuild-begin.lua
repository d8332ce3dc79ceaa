-- First half of rebuilding an account's state from the record: claims the rebuild with a nonce
-- ('rb'). Every security write clears 'rb', so if one lands between this claim and the finish, the
-- finish refuses (its Mongo read may predate that write) and the caller reads the record again.
-- KEYS: 1 account state hash. ARGV: 1 clock offset ms, 2 nonce.
-- Returns {'ready', epoch} when the state is already there (another process rebuilt it), else
-- {'begun', now} with the script clock's now (which names the day and month of the quota base).
local epoch = redis.call('HGET', KEYS[1], 'ep')
if epoch then return {'ready', epoch} end
redis.call('HSET', KEYS[1], 'rb', ARGV[2])
return {'begun', tostring(clockNow())}
