/**
 * Records one failed authentication of a client address in a fixed window (KEYS[1], a counter that
 * expires with its window, started by the first failure). Returns {count, ms left}. A counter found
 * without an expiry (its PEXPIRE lost) gets one, so it can never block an address for good.
 *
 * ARGV: window ms.
 */
export const AUTH_FAILURES_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}
`;
