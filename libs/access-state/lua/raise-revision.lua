-- After a write to the account record (begin-account-write.lua, then Mongo): raises the revision below
-- which issuers' in-process copies of the account are refused (see reserve-token-slot.lua), never
-- lowering it, and ends the write's part of 'wip'. ARGV 1 is empty when the write did not happen
-- (the store refused it): the write in progress ends, the revision stays. Clears a rebuild claim.
-- KEYS: 1 account state hash. ARGV: 1 revision or ''.
if ARGV[1] ~= '' and tonumber(ARGV[1]) > tonumber(redis.call('HGET', KEYS[1], 'rev') or '-1') then redis.call('HSET', KEYS[1], 'rev', ARGV[1]) end
if redis.call('HINCRBY', KEYS[1], 'wip', -1) <= 0 then redis.call('HDEL', KEYS[1], 'wip', 'wipAt') end
redis.call('HDEL', KEYS[1], 'rb')
return 1
