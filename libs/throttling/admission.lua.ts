/**
 * Shared by the scripts that need the product's clock: Redis TIME plus the clock offset (ARGV[1]) as
 * `now`, and the UTC calendar from epoch days (H. Hinnant's civil_from_days / days_from_civil),
 * since Redis Lua has no date functions.
 */
export const SCRIPT_CLOCK_LUA = `
local function clockNow()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
end
local function civil(days)
  local z = days + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local d = doy - math.floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  local y = yoe + era * 400
  if m <= 2 then y = y + 1 end
  return y, m, d
end
local function daysFromCivil(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = math.floor(y / 400)
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = math.floor((153 * mp + 2) / 5) + d - 1
  local doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
end
`;

/**
 * The admission script: the whole per-request decision in one atomic Redis operation, so that no
 * interleaving of requests across any number of API processes can admit more than `limit` per
 * window (there is no read-then-write from the client side to race).
 *
 * In order: account disabled → token generation (revoke-all) → token revoked → lockouts (account,
 * token) → hard quota of this API → throttling window (count, warnings, lockout on overflow) →
 * usage totals and outbox. Refused requests change nothing (lockouts are not counted).
 *
 * Time is Redis `TIME` plus ARGV offset (0 in production): every API host agrees on windows, days
 * and months whatever their own clocks say.
 *
 * Every key is tagged `{accountId}` so the script runs unchanged on Redis Cluster. The day and month
 * usage hashes are derived from ARGV[10] (same tag) because their names depend on the script's clock.
 *
 * KEYS: 1 account state hash, 2 token state hash, 3 dirty-days hash (day → version), 4 events list,
 *       5 token lockouts (sorted set: token id → lockout end)
 * ARGV: 1 clock offset ms, 2 token id, 3 token generation, 4 api, 5 limit, 6 period ms,
 *       7 lockout ms, 8 scope, 9 warnAt csv, 10 usage key prefix
 * Returns: { status, ... } with status ok | locked | quota | disabled | revoked (see AdmissionResult).
 */
export const ADMISSION_LUA = `
${SCRIPT_CLOCK_LUA}
local now = clockNow()
local tokenId, gen, api = ARGV[2], tonumber(ARGV[3]), ARGV[4]
local limit, period, lockout, scope = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), ARGV[8]

local acct = redis.call('HMGET', KEYS[1], 'disabled', 'gen', 'lock', 'q:' .. api, 'reg', 'qu:' .. api)
if acct[1] then return {'disabled'} end
if tonumber(acct[2] or '0') > gen then return {'revoked'} end
local tok = redis.call('HMGET', KEYS[2], 'revoked', 'ws', 'c')
if tok[1] then return {'revoked'} end

-- The account-wide lockout lives in the account hash ('lock'); tokens' own lockouts in a sorted set
-- (token id → end), pruned as it is written and expiring with its last lockout, so it stays small
-- and one operator unlock lifts them all.
local acctLock = tonumber(acct[3] or '0')
local tokLock = tonumber(redis.call('ZSCORE', KEYS[5], tokenId) or '0')
if acctLock > now then return {'locked', 'account', tostring(acctLock), tostring(now), '0'} end
if tokLock > now then return {'locked', 'token', tostring(tokLock), tostring(now), '0'} end

local epochDay = math.floor(now / 86400000)
local y, m, d = civil(epochDay)
local day = string.format('%04d-%02d-%02d', y, m, d)
local month = string.format('%04d-%02d', y, m)
local dayEnd = (epochDay + 1) * 86400000
local ny, nm = y, m + 1
if nm == 13 then ny, nm = y + 1, 1 end
local monthEnd = daysFromCivil(ny, nm, 1) * 86400000
local dayKey = ARGV[10] .. 'd:' .. day
local monthKey = ARGV[10] .. 'm:' .. month

-- Quotas of this API: "period,limit,enforce,warn|warn;..." kept current by the operator API.
local quotas = {}
if acct[4] and acct[4] ~= '' then
  for spec in string.gmatch(acct[4], '[^;]+') do
    local qp, ql, qe, qw = string.match(spec, '^(%a+),(%d+),(%a+),?(.*)$')
    if qp then
      local used = tonumber(redis.call('HGET', qp == 'day' and dayKey or monthKey, api) or '0')
      local q = {period = qp, limit = tonumber(ql), enforce = qe, warn = qw, used = used, reset = qp == 'day' and dayEnd or monthEnd, key = qp == 'day' and day or month}
      -- An operator unlock waives the hard limit for the rest of the current period ('qu:<api>').
      local waived = acct[6] and string.find(acct[6], qp .. ':' .. q.key, 1, true)
      if qe == 'hard' and used >= q.limit and not waived then
        return {'quota', api, qp, tostring(q.reset), tostring(now), tostring(q.limit)}
      end
      table.insert(quotas, q)
    end
  end
end

-- Throttling window: starts at the first request after the previous one ended.
local ws = tonumber(tok[2] or '0')
local c = tonumber(tok[3] or '0')
local newWindow = ws == 0 or now >= ws + period
if newWindow then ws = now; c = 0 end
if c + 1 > limit then
  local untilMs = now + lockout
  if scope == 'account' then
    if untilMs > acctLock then redis.call('HSET', KEYS[1], 'lock', untilMs) end
  else
    redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now)
    redis.call('ZADD', KEYS[5], untilMs, tokenId)
    if redis.call('PTTL', KEYS[5]) < lockout then redis.call('PEXPIRE', KEYS[5], lockout + 1000) end
  end
  -- After the lockout the count starts again from zero.
  redis.call('HDEL', KEYS[2], 'ws', 'c')
  redis.call('RPUSH', KEYS[4], cjson.encode({type = 'throttle.lockout', id = 'tl-' .. tokenId .. '-' .. ws, tokenId = tokenId, api = api, at = now, threshold = 1, limit = limit, count = c, period = tostring(ws), ['until'] = untilMs, scope = scope}))
  return {'locked', scope, tostring(untilMs), tostring(now), '1'}
end
c = c + 1
redis.call('HSET', KEYS[2], 'ws', ws, 'c', c)
-- Set once per window: the key then outlives the window by a minute (fewer writes per request).
if newWindow then redis.call('PEXPIRE', KEYS[2], period + 60000) end

-- Warnings: counts grow by one, so each threshold is crossed exactly once per window.
local warned = '0'
for f in string.gmatch(ARGV[9], '[^,]+') do
  local threshold = math.ceil(tonumber(f) * limit)
  if c >= threshold then warned = f end
  if c == threshold then
    redis.call('RPUSH', KEYS[4], cjson.encode({type = 'throttle.warning', id = 'tw-' .. tokenId .. '-' .. ws .. '-' .. f, tokenId = tokenId, api = api, at = now, threshold = tonumber(f), limit = limit, count = c, period = tostring(ws)}))
  end
end

-- Usage: running totals (the worker stores them with $max, so re-deliveries are harmless).
-- Retention is set when a total first appears (then the key exists with its expiry already).
if redis.call('HINCRBY', dayKey, api, 1) == 1 then redis.call('PEXPIREAT', dayKey, dayEnd + 35 * 86400000) end
redis.call('HINCRBY', dayKey, api .. '|' .. tokenId, 1)
if redis.call('HINCRBY', monthKey, api, 1) == 1 then redis.call('PEXPIREAT', monthKey, monthEnd + 35 * 86400000) end
-- Dirty marker with a version that never repeats (a per-account counter), so a relay's late
-- acknowledgement of an older snapshot can never clear a newer mark.
local dirtyVersion = redis.call('HINCRBY', KEYS[1], 'dv', 1)
local wasClean = redis.call('HSET', KEYS[3], day, dirtyVersion)

-- Quota crossings, counted with this request included.
for _, q in ipairs(quotas) do
  local used = q.used + 1
  for f in string.gmatch(q.warn, '[^|]+') do
    if used == math.ceil(tonumber(f) * q.limit) then
      redis.call('RPUSH', KEYS[4], cjson.encode({type = 'quota.warning', id = 'qw-' .. api .. '-' .. q.period .. '-' .. q.key .. '-' .. f, tokenId = tokenId, api = api, at = now, threshold = tonumber(f), limit = q.limit, count = used, period = q.key}))
    end
  end
  if used == q.limit then
    redis.call('RPUSH', KEYS[4], cjson.encode({type = 'quota.exceeded', id = 'qx-' .. api .. '-' .. q.period .. '-' .. q.key, tokenId = tokenId, api = api, at = now, threshold = 1, limit = q.limit, count = used, period = q.key, ['until'] = q.reset}))
  end
end

-- Ask the caller to register the account with the usage relay when this day's usage became dirty
-- again (the relay had shipped everything before), and at least once a second otherwise, so no
-- usage waits for the relay's sweep.
local reg = '0'
if wasClean == 1 or now - tonumber(acct[5] or '0') > 1000 then
  redis.call('HSET', KEYS[1], 'reg', now)
  reg = '1'
end
return {'ok', tostring(limit - c), tostring(ws + period), tostring(now), warned, reg, tostring(acctLock)}
`;
