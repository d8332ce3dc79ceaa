-- Replaces the account's request policies that the admission script reads from the account (not from
-- the token): quota specs ('q:<api>'), the burst window ('bw'), per-API windows ('aw:<api>') and the
-- credit allocation ('cr'), after
-- Mongo, so a change takes effect on the next request on every instance. Clears a rebuild claim: see
-- rebuild-begin.lua.
-- KEYS: 1 account state hash. ARGV: field1, spec1, field2, spec2, ...
for _, f in ipairs(redis.call('HKEYS', KEYS[1])) do
  if string.sub(f, 1, 2) == 'q:' or string.sub(f, 1, 3) == 'aw:' or f == 'bw' or f == 'cr' then redis.call('HDEL', KEYS[1], f) end
end
if #ARGV > 0 then redis.call('HSET', KEYS[1], unpack(ARGV)) end
redis.call('HDEL', KEYS[1], 'rb')
return 1
