-- Replaces the account's quota specs ('q:<api>' fields, one compact spec per API) after Mongo, so a
-- quota change takes effect on the next request. Clears a rebuild claim: see rebuild-begin.lua.
-- KEYS: 1 account state hash. ARGV: field1, spec1, field2, spec2, ...
for _, f in ipairs(redis.call('HKEYS', KEYS[1])) do
  if string.sub(f, 1, 2) == 'q:' then redis.call('HDEL', KEYS[1], f) end
end
if #ARGV > 0 then redis.call('HSET', KEYS[1], unpack(ARGV)) end
redis.call('HDEL', KEYS[1], 'rb')
return 1
