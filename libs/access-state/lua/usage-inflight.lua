-- The relay's in-flight job of an account: at most one usage job per account waits in the queue.
-- While it waits, newer totals accumulate in the running totals and events stay in the list; the
-- next job carries them all (coalesced), so a long store outage does not pile up jobs.
-- KEYS: 1 marker. ARGV: 1 'get' | 'set' | 'drop', 2 marker JSON (set) or job id (drop).
if ARGV[1] == 'get' then return redis.call('GET', KEYS[1]) end
if ARGV[1] == 'set' then redis.call('SET', KEYS[1], ARGV[2], 'PX', 7 * 86400000) return 1 end
local marker = redis.call('GET', KEYS[1])
if marker and cjson.decode(marker).jobId == ARGV[2] then redis.call('DEL', KEYS[1]) return 1 end
return 0
