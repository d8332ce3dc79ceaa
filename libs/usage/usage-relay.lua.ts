/**
 * Snapshot of one account's pending usage: the running totals of each dirty day (and its month),
 * with the dirty versions seen, and the first ARGV[2] events. Nothing is removed here; the relay
 * acknowledges only after the job is safely in the queue (see ACK_LUA), so a relay that dies in
 * between loses nothing: the next one ships the same (or newer) totals again.
 * KEYS: 1 dirty hash, 2 events list, 3 account state hash. ARGV: 1 usage key prefix, 2 max events.
 */
export const SNAPSHOT_LUA = `
local dirty = redis.call('HGETALL', KEYS[1])
local days, months, seen = {}, {}, {}
for i = 1, #dirty, 2 do
  local day = dirty[i]
  local month = string.sub(day, 1, 7)
  table.insert(days, {day, dirty[i + 1], redis.call('HGETALL', ARGV[1] .. 'd:' .. day)})
  if not seen[month] then
    seen[month] = true
    table.insert(months, {month, redis.call('HGETALL', ARGV[1] .. 'm:' .. month)})
  end
end
local events = redis.call('LRANGE', KEYS[2], 0, tonumber(ARGV[2]) - 1)
local seq = redis.call('HINCRBY', KEYS[3], 'relaySeq', 1)
return cjson.encode({seq = seq, days = days, months = months, events = events})
`;

/**
 * Acknowledges a shipped snapshot: clears each day's dirty mark only if its version is unchanged
 * (a request after the snapshot keeps it dirty), and pops from the head of the events list only the
 * events that were shipped (by id), so two relays racing on one account never drop an unshipped one.
 * KEYS: 1 dirty hash, 2 events list. ARGV: day1, version1, ..., '--', eventId1, ...
 * Returns how much is still pending.
 */
export const ACK_LUA = `
local i = 1
while ARGV[i] and ARGV[i] ~= '--' do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then redis.call('HDEL', KEYS[1], ARGV[i]) end
  i = i + 2
end
local shipped = {}
for j = i + 1, #ARGV do shipped[ARGV[j]] = true end
while true do
  local head = redis.call('LINDEX', KEYS[2], 0)
  if not head then break end
  local ok, ev = pcall(cjson.decode, head)
  if ok and ev.id and shipped[ev.id] then redis.call('LPOP', KEYS[2]) elseif not ok then redis.call('LPOP', KEYS[2]) else break end
end
return redis.call('HLEN', KEYS[1]) + redis.call('LLEN', KEYS[2])
`;

/** Claims due accounts by pushing their score to the lease end. KEYS: 1 relay zset. ARGV: now, leaseEnd, max. */
export const CLAIM_LUA = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, a in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[2], a) end
return due
`;

/** Releases a claim: removes the account if nothing re-registered it meanwhile, else makes it due now. KEYS: relay zset. ARGV: account, leaseEnd, pending, now. */
export const RELEASE_LUA = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if tonumber(ARGV[3]) > 0 then redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1]) return 1 end
if score and score == ARGV[2] then redis.call('ZREM', KEYS[1], ARGV[1]) end
return 0
`;
