-- Snapshot of one account's pending usage: the running totals of each dirty (epoch, day) and its
-- month, with the dirty versions seen, and the first ARGV[2] events. Nothing is removed here; the
-- relay acknowledges only after the job carrying them has been applied (see usage-ack.lua), so a
-- relay or worker that dies in between loses nothing: the next job ships the same or newer totals.
-- Dirty fields are "<epoch>/<day>"; a bare "<day>" is a total counted before epochs existed.
-- KEYS: 1 dirty hash, 2 events list, 3 account state hash. ARGV: 1 usage key prefix, 2 max events.
local dirty = redis.call('HGETALL', KEYS[1])
local days, months, seen = {}, {}, {}
for i = 1, #dirty, 2 do
  local field = dirty[i]
  local epoch, day = string.match(field, '^(.*)/(.*)$')
  if not epoch then epoch, day = '', field end
  local prefix = ARGV[1] .. (epoch == '' and '' or epoch .. ':')
  local month = string.sub(day, 1, 7)
  table.insert(days, {field, dirty[i + 1], epoch, day, redis.call('HGETALL', prefix .. 'd:' .. day)})
  if not seen[epoch .. '/' .. month] then
    seen[epoch .. '/' .. month] = true
    table.insert(months, {epoch, month, redis.call('HGETALL', prefix .. 'm:' .. month)})
  end
end
local events = redis.call('LRANGE', KEYS[2], 0, tonumber(ARGV[2]) - 1)
-- The relay sequence names the job. After a loss it restarts from the clock (seconds x 1000, which
-- stays exact in Lua's numbers), above any value the lost state reached at up to 1000 snapshots a
-- second, so a new job never reuses the id of a job the queue still keeps.
if redis.call('HEXISTS', KEYS[3], 'relaySeq') == 0 then
  redis.call('HSET', KEYS[3], 'relaySeq', tonumber(redis.call('TIME')[1]) * 1000)
end
local seq = redis.call('HINCRBY', KEYS[3], 'relaySeq', 1)
return cjson.encode({seq = seq, days = days, months = months, events = events})
