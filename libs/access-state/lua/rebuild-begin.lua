-- First half of rebuilding an account's state from the record: claims the rebuild ('rb' = nonce and
-- the claim's time). Every security write clears 'rb', so if one lands between this claim and the
-- finish, the finish refuses (its Mongo read may predate that write) and the caller reads again.
-- A fresh claim of another process is not taken over (the caller waits for it to finish); one older
-- than ARGV[3] ms is (its process died or lost Redis mid-rebuild).
-- KEYS: 1 account state hash. ARGV: 1 clock offset ms, 2 nonce, 3 claim timeout ms.
-- Returns {'ready', epoch} when the state is already there, {'busy'} while another process's claim
-- holds, else {'begun', now} with the script clock's now (which names the quota base's day and month).
local current = redis.call('HMGET', KEYS[1], 'ep', 'rb')
if current[1] then return {'ready', current[1]} end
local t = redis.call('TIME')
local wall = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if current[2] then
  local claimedAt = tonumber(string.match(current[2], ':(%d+)$') or '0')
  if wall - claimedAt < tonumber(ARGV[3]) then return {'busy'} end
end
redis.call('HSET', KEYS[1], 'rb', ARGV[2] .. ':' .. wall)
return {'begun', tostring(clockNow())}
