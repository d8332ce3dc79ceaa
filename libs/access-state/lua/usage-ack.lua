-- Acknowledges a snapshot whose job has been applied: clears each dirty mark only if its version is
-- unchanged (a request after the snapshot keeps it dirty), and pops from the head of the events list
-- only the events that were shipped (by id), so two relays racing on one account never drop an
-- unshipped one. Then forgets the in-flight job if it is still the one named.
-- KEYS: 1 dirty hash, 2 events list, 3 in-flight job marker.
-- ARGV: 1 job id, then field1, version1, ..., '--', eventId1, ...
-- Returns how much is still pending.
local i = 2
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
local marker = redis.call('GET', KEYS[3])
if marker and cjson.decode(marker).jobId == ARGV[1] then redis.call('DEL', KEYS[3]) end
return redis.call('HLEN', KEYS[1]) + redis.call('LLEN', KEYS[2])
