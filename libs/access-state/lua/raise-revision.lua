-- After any write to the account record (Mongo first): raises the revision below which issuers'
-- in-process copies of the account are refused (see reserve-token-slot.lua); never lowers it.
-- Clears a rebuild claim (see rebuild-begin.lua), so a rebuild that read the record before this
-- write reads it again.
-- KEYS: 1 account state hash. ARGV: 1 revision.
if tonumber(ARGV[1]) > tonumber(redis.call('HGET', KEYS[1], 'rev') or '-1') then redis.call('HSET', KEYS[1], 'rev', ARGV[1]) end
redis.call('HDEL', KEYS[1], 'rb')
return 1
