/**
 * One client address's failed authentications in a fixed window (KEYS[1], a counter that expires with
 * its window). `check` is the admit-or-refuse decision and changes nothing, so refused attempts do not
 * count; `fail` records one failure and starts the window on the first. Returns {count, ms left}.
 *
 * ARGV: mode ('check' | 'fail'), window ms, limit.
 */
export const AUTH_FAILURES_SCRIPT = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if ARGV[1] == 'check' then
  if n >= tonumber(ARGV[3]) then return {n, redis.call('PTTL', KEYS[1])} end
  return {n, 0}
end
n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return {n, redis.call('PTTL', KEYS[1])}
`;
