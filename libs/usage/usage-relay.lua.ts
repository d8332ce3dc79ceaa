/**
 * The relay's own bookkeeping: which accounts have usage to ship (one sorted set, not account
 * state; the account's usage keys and their scripts belong to the access-state library).
 */

/** Claims due accounts by pushing their score to the lease end. KEYS: 1 relay zset. ARGV: now, leaseEnd, max. */
export const CLAIM_LUA = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, a in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[2], a) end
return due
`;

/**
 * Releases a claim: removes the account if nothing re-registered it meanwhile, else makes it due at
 * ARGV[4]. KEYS: relay zset. ARGV: account, leaseEnd, pending, dueAt.
 */
export const RELEASE_LUA = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if tonumber(ARGV[3]) > 0 then redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1]) return 1 end
if score and score == ARGV[2] then redis.call('ZREM', KEYS[1], ARGV[1]) end
return 0
`;
