-- Second half of a rebuild: sets everything the record says, then the epoch, in one atomic step.
-- Only if the claim ('rb' = nonce) still holds: no security write happened since the record was read,
-- so the record is at least as new as anything in Redis.
-- KEYS: 1 account state hash, 2 usage base hash. ARGV: 1 nonce, 2 JSON state:
--   { epoch, disabled, generation, revision, policies: {field: spec}, waivers: {api: spec},
--     revoked: [[tokenKey, expireAtMs], ...], base: {field: used}, baseExpireAt }
-- Returns {'rebuilt', epoch} | {'ready', epoch} (someone else finished first) | {'retry'}.
local current = redis.call('HMGET', KEYS[1], 'rb', 'ep')
if current[2] then return {'ready', current[2]} end
if not current[1] or string.match(current[1], '^(.*):%d+$') ~= ARGV[1] then return {'retry'} end
local s = cjson.decode(ARGV[2])
if s.disabled then redis.call('HSET', KEYS[1], 'disabled', '1') else redis.call('HDEL', KEYS[1], 'disabled') end
-- Never lower the generation: a revoke-all is never undone.
if s.generation > tonumber(redis.call('HGET', KEYS[1], 'gen') or '0') then redis.call('HSET', KEYS[1], 'gen', s.generation) end
-- The account record's revision: issuers' copies older than it are refused (reserve-token-slot.lua).
if s.revision > tonumber(redis.call('HGET', KEYS[1], 'rev') or '-1') then redis.call('HSET', KEYS[1], 'rev', s.revision) end
for _, f in ipairs(redis.call('HKEYS', KEYS[1])) do
  local p = string.sub(f, 1, 3)
  if string.sub(f, 1, 2) == 'q:' or p == 'qu:' or p == 'aw:' or f == 'bw' or f == 'cr' then redis.call('HDEL', KEYS[1], f) end
end
-- Quotas ('q:<api>'), windows ('bw', 'aw:<api>') and credits ('cr'), as set-policies.lua writes them.
for field, spec in pairs(s.policies) do redis.call('HSET', KEYS[1], field, spec) end
for api, spec in pairs(s.waivers) do redis.call('HSET', KEYS[1], 'qu:' .. api, spec) end
for _, r in ipairs(s.revoked) do
  redis.call('HSET', r[1], 'revoked', '1')
  redis.call('PEXPIREAT', r[1], r[2])
end
redis.call('DEL', KEYS[2])
local hasBase = false
for field, used in pairs(s.base) do
  redis.call('HSET', KEYS[2], field, used)
  hasBase = true
end
if hasBase then redis.call('PEXPIREAT', KEYS[2], s.baseExpireAt) end
redis.call('HDEL', KEYS[1], 'rb')
redis.call('HSET', KEYS[1], 'ep', s.epoch)
return {'rebuilt', s.epoch}
