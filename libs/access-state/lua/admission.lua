-- The admission script: the whole per-request decision in one atomic Redis operation, so that no
-- interleaving of requests across any number of API processes can admit more than `limit` per
-- window (there is no read-then-write from the client side to race).
--
-- In order: state present (epoch) → account disabled → token generation (revoke-all) → token revoked
-- → the caller's copy of the account current (revision) → lockouts (account, token) → hard quota of
-- this API (hour, day, month) → credits of the month → burst window → this API's window → throttling
-- window (count, warnings, lockout on overflow) → usage totals and outbox. Refused requests change
-- nothing (lockouts are not counted); quotas, credits, the burst and API windows refuse without a
-- lockout.
--
-- The epoch field 'ep' is written last by the rebuild script, together with everything the record
-- in Mongo says. Its absence means Redis lost this account's state (a restart without persistence,
-- a failover, a flush): the script admits nothing and answers 'rebuild', so a request is never
-- admitted on the word of a Redis that forgot a revocation, a disabling or a used-up quota.
--
-- Every key is tagged `{accountId}` so the script runs unchanged on Redis Cluster, and a master that
-- loses its memory alone is detected per account. Usage hashes are derived from ARGV[10] (same tag)
-- because their names depend on the script's clock and the epoch.
--
-- KEYS: 1 account state hash, 2 token state hash, 3 dirty-days hash ("<epoch>/<day>" -> version),
--       4 events list, 5 token lockouts (sorted set: token id -> lockout end)
-- ARGV: 1 clock offset ms, 2 token id, 3 token generation, 4 api, 5 limit, 6 period ms,
--       7 lockout ms, 8 scope, 9 warnAt csv, 10 usage key prefix, 11 revision of the caller's copy of
--       the account (the allow list it checked the client address against), 12 the route's cost in
--       credits (windows and quotas count requests; credits count cost)
-- Returns: { status, ... } with status ok | locked | quota | credits | burst | api | disabled | revoked
-- | rebuild | stale-copy.
local now = clockNow()
local tokenId, gen, api = ARGV[2], tonumber(ARGV[3]), ARGV[4]
local limit, period, lockout, scope = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), ARGV[8]
local cost = tonumber(ARGV[12])

local acct = redis.call('HMGET', KEYS[1], 'ep', 'disabled', 'gen', 'lock', 'q:' .. api, 'reg', 'qu:' .. api, 'bw', 'aw:' .. api, 'rev', 'cr', 'cx')
local epoch = acct[1]
if not epoch then return {'rebuild'} end
if acct[2] then return {'disabled'} end
if tonumber(acct[3] or '0') > gen then return {'revoked'} end
local tok = redis.call('HMGET', KEYS[2], 'revoked', 'ws', 'c', 'b', 'a:' .. api, 'x')
if tok[1] then return {'revoked'} end
-- The API process checked the client address against its copy of the account's allow list before
-- calling; every account write raises 'rev' (raise-revision.lua) before the operator's call returns,
-- so a copy older than it may hold an address just removed: nothing is counted, and the caller reads
-- the record and checks again. ('rev' is set with 'ep' by every rebuild, so it is there when 'ep' is.)
if tonumber(acct[10] or '-1') > tonumber(ARGV[11]) then return {'stale-copy'} end

-- The account-wide lockout lives in the account hash ('lock'); tokens' own lockouts in a sorted set
-- (token id -> end), pruned as it is written and expiring with its last lockout, so it stays small
-- and one operator unlock lifts them all.
local acctLock = tonumber(acct[4] or '0')
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
local hh = string.format('%02d', math.floor((now % 86400000) / 3600000))
local hour = day .. 'T' .. hh
local hourEnd = (math.floor(now / 3600000) + 1) * 3600000
-- This epoch's running totals (a segment of the account's usage; the worker stores each segment
-- under its own id and the report sums them).
local segment = ARGV[10] .. epoch .. ':'
local dayKey = segment .. 'd:' .. day
local monthKey = segment .. 'm:' .. month

-- Quotas of this API: "period,limit,enforce,warn|warn;..." kept current by the operator API. Used =
-- this segment's total plus the base: what Mongo held for the period when the state was rebuilt.
-- An hour's total is the day hash's field '<api>@<HH>' (hours never cross a UTC day). Requests of free
-- routes are counted apart ('<api>~', '<api>~@<HH>', see Usage below): a quota counts both.
local quotas = {}
if acct[5] and acct[5] ~= '' then
  for spec in string.gmatch(acct[5], '[^;]+') do
    local qp, ql, qe, qw = string.match(spec, '^(%a+),(%d+),(%a+),?(.*)$')
    if qp then
      local key, reset, totals, field, free = month, monthEnd, monthKey, api, api .. '~'
      if qp == 'day' then key, reset, totals = day, dayEnd, dayKey
      elseif qp == 'hour' then key, reset, totals, field, free = hour, hourEnd, dayKey, api .. '@' .. hh, api .. '~@' .. hh end
      local counted = redis.call('HMGET', totals, field, free)
      local used = tonumber(counted[1] or '0') + tonumber(counted[2] or '0')
        + tonumber(redis.call('HGET', ARGV[10] .. 'base', string.sub(qp, 1, 1) .. ':' .. key .. '|' .. api) or '0')
      local q = {period = qp, limit = tonumber(ql), enforce = qe, warn = qw, used = used, reset = reset, key = key}
      -- An operator unlock waives the hard limit for the rest of the current period ('qu:<api>').
      local waived = acct[7] and string.find(acct[7], qp .. ':' .. q.key, 1, true)
      q.limiting = qe == 'hard' and not waived
      if q.limiting and used >= q.limit then
        return {'quota', api, qp, tostring(q.reset), tostring(now), tostring(q.limit)}
      end
      table.insert(quotas, q)
    end
  end
end

-- Credits of the month ('cr': "monthly,enforce,warn|warn"), every API: requests spend their cost.
-- The month hash holds per API the requests that cost ('<api>'), what their costs added beyond one
-- each ('<api>$') and the requests of free routes ('<api>~'), so its values but the last sum to the
-- credits spent in this segment; the base adds earlier segments.
-- Read only for accounts with an allocation. A request whose cost is more than what is left of a hard
-- allocation is refused and counts nowhere.
local credits
if acct[11] then
  local cm, ce, cw = string.match(acct[11], '^(%d+),(%a+),?(.*)$')
  if cm then
    local used = redis.call('HGET', ARGV[10] .. 'base', 'm:' .. month .. '|$credits')
    if not used then
      -- A base written before costs existed has no credits entry: its requests cost one each.
      used = 0
      local prefix = 'm:' .. month .. '|'
      local base = redis.call('HGETALL', ARGV[10] .. 'base')
      for i = 1, #base, 2 do
        if string.sub(base[i], 1, #prefix) == prefix then used = used + tonumber(base[i + 1]) end
      end
    end
    used = tonumber(used)
    local spent = redis.call('HGETALL', monthKey)
    for i = 1, #spent, 2 do
      if string.byte(spent[i], -1) ~= 126 then used = used + tonumber(spent[i + 1]) end -- not '<api>~'
    end
    credits = {monthly = tonumber(cm), enforce = ce, warn = cw, used = used}
    -- A free route (cost 0) is never refused, even when an allocation was lowered below the spend.
    if ce == 'hard' and cost > 0 and used + cost > credits.monthly then
      -- Refused: nothing is counted. The first refusal of the month still raises credits.exhausted
      -- (the spend may stop short of the allocation when what is left is less than the costs asked
      -- for), once: 'cx' remembers the month it was raised for.
      local fresh = '0'
      if acct[12] ~= month then
        redis.call('HSET', KEYS[1], 'cx', month)
        redis.call('RPUSH', KEYS[4], cjson.encode({type = 'credits.exhausted', id = 'cx-' .. month, tokenId = tokenId, api = api, at = now, threshold = 1, limit = credits.monthly, count = used, period = month, ['until'] = monthEnd}))
        fresh = '1'
      end
      return {'credits', tostring(monthEnd), tostring(now), cm, tostring(used), tostring(cost), fresh}
    end
  end
end

-- Burst ('bw', every API) and this API's ('aw:<api>') windows, from the account's state so that a
-- change applies to every token at once: "limit,periodMs". Each is a GCRA (generic cell rate
-- algorithm, a token bucket kept as one number): a bucket of `limit` requests refilled at `limit` per
-- period, i.e. one request every `t` = period / limit (rounded up to the microsecond, so never faster).
-- Its whole state is the theoretical arrival time of the next request (`tat`, microseconds), a field
-- of the token's hash read and written with the main window's fields: no command of its own, and
-- constant memory whatever the limit (a sliding log held one entry per request of the period).
-- At most `limit` requests at once, then one per `t`: over any span of s ms at most
-- limit + s / t, and there is no window edge to burst twice across.
-- Checked before the main window so that refusing here never locks out; the new `tat` is written only
-- once the request is admitted.
local nowUs = now * 1000
local function cellWindow(field, spec, stored)
  if not spec then return nil end
  local wl, wp = string.match(spec, '^(%d+),(%d+)$')
  if not wl then return nil end
  wl, wp = tonumber(wl), tonumber(wp)
  local t = math.ceil(wp * 1000 / wl)
  -- `limit` requests fit from an empty bucket: admitted while the new tat is at most limit * t ahead.
  local span = wl * t
  local tat = tonumber(stored or '0')
  if tat < nowUs then tat = nowUs end
  -- A bucket never stands more than one window of this policy ahead: after a change to a shorter
  -- period or a lower limit, the debt of the old policy is cut to a full (empty) bucket of the new.
  if tat > nowUs + span then tat = nowUs + span end
  local nextTat = tat + t
  return {field = field, limit = wl, period = wp, t = t, span = span, tat = nextTat, over = nextTat - nowUs - span}
end
local burst = cellWindow('b', acct[8], tok[4])
if burst and burst.over > 0 then return {'burst', tostring(now + math.ceil(burst.over / 1000)), tostring(now), tostring(burst.limit), tostring(burst.period)} end
local apiWin = cellWindow('a:' .. api, acct[9], tok[5])
if apiWin and apiWin.over > 0 then return {'api', tostring(now + math.ceil(apiWin.over / 1000)), tostring(now), tostring(apiWin.limit), tostring(apiWin.period), api} end

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
-- The token's hash holds the main window and the cells' arrival times (of every API the token
-- called, not only this request's). It must outlive each of them: the main window's end and each
-- cell's tat (after its tat a cell is full, the same as absent), plus a minute. Its expiry, kept in
-- 'x' (script time), only ever moves later: a request that starts a main window or advances a cell
-- beyond it moves it to cover the main window and this request's cells for a whole period of theirs
-- more (cells advance only within the main window [ws, ws + period), at most a period of theirs
-- ahead), so it moves about once per main window; another API's cell, written by an earlier request,
-- is covered by the expiry that request set, which is never lowered.
local fields = {'ws', ws, 'c', c}
local needed = ws + period
local farthest = ws + period
for _, w in ipairs({burst or false, apiWin or false}) do
  if w then
    table.insert(fields, w.field)
    table.insert(fields, string.format('%d', w.tat))
    local tatMs = math.ceil(w.tat / 1000)
    if tatMs > needed then needed = tatMs end
    if ws + period + w.period > farthest then farthest = ws + period + w.period end
    -- remaining: whole requests the bucket holds after this one; reset: until it is full again
    w.remaining = math.floor((w.span - (w.tat - nowUs)) / w.t)
    w.resetMs = tatMs - now
  end
end
local expireAt = tonumber(tok[6] or '0')
local moved = false
if needed + 60000 > expireAt then
  expireAt = math.max(needed, farthest) + 60000
  moved = true
  table.insert(fields, 'x')
  table.insert(fields, expireAt)
end
redis.call('HSET', KEYS[2], unpack(fields))
-- Relative to the script's clock, which may be offset from Redis's own (tests move it).
if moved then redis.call('PEXPIRE', KEYS[2], expireAt - now) end

-- Warnings: counts grow by one, so each threshold is crossed exactly once per window.
local warned = '0'
for f in string.gmatch(ARGV[9], '[^,]+') do
  local threshold = math.ceil(tonumber(f) * limit)
  if c >= threshold then warned = f end
  if c == threshold then
    redis.call('RPUSH', KEYS[4], cjson.encode({type = 'throttle.warning', id = 'tw-' .. tokenId .. '-' .. ws .. '-' .. f, tokenId = tokenId, api = api, at = now, threshold = tonumber(f), limit = limit, count = c, period = tostring(ws)}))
  end
end

-- Usage: running totals of this segment (the worker stores them with $max, so re-deliveries are
-- harmless). Retention is set when a total first appears.
-- Credits cost nothing more for the usual request: one that costs one credit counts in '<api>'
-- (requests and credits alike); a free route's request counts in '<api>~' instead (a request, no
-- credit); a dearer one also adds what its cost is beyond one to '<api>$'. The relay makes
-- transactions and credits of them (usage-fields.ts).
local tx = cost == 0 and api .. '~' or api
if redis.call('HINCRBY', dayKey, tx, 1) == 1 then redis.call('PEXPIREAT', dayKey, dayEnd + 35 * 86400000) end
redis.call('HINCRBY', dayKey, api .. '|' .. tokenId, 1)
redis.call('HINCRBY', dayKey, tx .. '@' .. hh, 1)
if redis.call('HINCRBY', monthKey, tx, 1) == 1 then redis.call('PEXPIREAT', monthKey, monthEnd + 35 * 86400000) end
if cost > 1 then
  redis.call('HINCRBY', dayKey, api .. '$', cost - 1)
  redis.call('HINCRBY', dayKey, api .. '$@' .. hh, cost - 1)
  redis.call('HINCRBY', monthKey, api .. '$', cost - 1)
end
-- Dirty marker with a version that never repeats (a per-account counter), so a relay's late
-- acknowledgement of an older snapshot can never clear a newer mark.
local dirtyVersion = redis.call('HINCRBY', KEYS[1], 'dv', 1)
local wasClean = redis.call('HSET', KEYS[3], epoch .. '/' .. day, dirtyVersion)

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

-- Credit crossings: a request may spend several credits, so a threshold is crossed when the spend
-- goes from below it to at or above it: once per month (the ids dedupe across segments).
if credits then
  local before, after = credits.used, credits.used + cost
  for f in string.gmatch(credits.warn, '[^|]+') do
    local threshold = math.ceil(tonumber(f) * credits.monthly)
    if before < threshold and after >= threshold then
      redis.call('RPUSH', KEYS[4], cjson.encode({type = 'credits.warning', id = 'cw-' .. month .. '-' .. f, tokenId = tokenId, api = api, at = now, threshold = tonumber(f), limit = credits.monthly, count = after, period = month}))
    end
  end
  if before < credits.monthly and after >= credits.monthly then
    redis.call('HSET', KEYS[1], 'cx', month)
    redis.call('RPUSH', KEYS[4], cjson.encode({type = 'credits.exhausted', id = 'cx-' .. month, tokenId = tokenId, api = api, at = now, threshold = 1, limit = credits.monthly, count = after, period = month, ['until'] = monthEnd}))
  end
end

-- Ask the caller to register the account with the usage relay when this day's usage became dirty
-- again (the relay had shipped everything before), and at least once a second otherwise, so no
-- usage waits for the relay's sweep.
local reg = '0'
if wasClean == 1 or now - tonumber(acct[6] or '0') > 1000 then
  redis.call('HSET', KEYS[1], 'reg', now)
  reg = '1'
end
-- What is left of the limits that can refuse besides the main window (the windows, hard quotas not
-- waived, a hard credit allocation), for the RateLimit-Policy and RateLimit list items
-- (draft-ietf-httpapi-ratelimit-headers-10) that follow the caller's own "token" item: five replies
-- per item (name, limit, window ms, remaining, ms until reset), none for an account without such
-- limits. Numbers go back as integer replies (Lua 5.1 turns a number into text with sprintf, Redis
-- an integer reply without); the caller formats the items (parseAdmission).
local reply = {'ok', limit - c, ws + period, now, warned, reg, acctLock, epoch}
local function item(name, q, wMs, r, resetMs)
  local n = #reply
  reply[n + 1], reply[n + 2], reply[n + 3], reply[n + 4], reply[n + 5] = name, q, wMs, r, resetMs
end
if burst then item('burst', burst.limit, burst.period, burst.remaining, burst.resetMs) end
if apiWin then item('api:' .. api, apiWin.limit, apiWin.period, apiWin.remaining, apiWin.resetMs) end
local hardCredits = credits and credits.enforce == 'hard'
local monthMs
if hardCredits or #quotas > 0 then monthMs = monthEnd - daysFromCivil(y, m, 1) * 86400000 end
for _, q in ipairs(quotas) do
  if q.limiting then
    local wMs = q.period == 'hour' and 3600000 or q.period == 'day' and 86400000 or monthMs
    item('quota:' .. api .. ':' .. q.period, q.limit, wMs, q.limit - q.used - 1, q.reset - now)
  end
end
if hardCredits then
  item('credits', credits.monthly, monthMs, credits.monthly - credits.used - cost, monthEnd - now)
end
return reply
