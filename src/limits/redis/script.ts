/**
 * The Lua scripts of the Redis limiter: one script per decision (admit) and one per
 * settlement. They mirror gcra.ts and calendar.ts operation for operation, so the
 * differential test can demand identical results. Time comes from Redis `TIME` (one
 * clock for every replica) unless a test passes ARGV[1].
 *
 * GCRA: ATM Forum Traffic Management 4.0 virtual scheduling, as in redis-cell CL.THROTTLE.
 * TATs are stored with %.17g so a double survives the round trip exactly.
 */
import { createHash } from 'node:crypto';

const COMMON = `
local EPS = 1e-6
local now
if ARGV[1] ~= '' then
  now = tonumber(ARGV[1])
else
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
-- Howard Hinnant, civil_from_days / days_from_civil (proleptic Gregorian, UTC).
local function civil(z)
  z = z + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local m = mp < 10 and mp + 3 or mp - 9
  local y = yoe + era * 400
  if m <= 2 then y = y + 1 end
  return y, m
end
local function month_start_days(y, m)
  if m <= 2 then y = y - 1 end
  local era = math.floor(y / 400)
  local yoe = y - era * 400
  local mp = m > 2 and m - 3 or m + 9
  local doy = math.floor((153 * mp + 2) / 5)
  return era * 146097 + yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy - 719468
end
local day = math.floor(now / 86400000)
local dayEnd = (day + 1) * 86400000
local cy, cm = civil(day)
local month = cy * 12 + cm - 1
local ny, nm = cy, cm + 1
if nm > 12 then ny, nm = cy + 1, 1 end
local monthEnd = month_start_days(ny, nm) * 86400000
`;

/**
 * KEYS: one per check. ARGV[1]: now ('' = TIME); then 4 per check: kind (g|d|m), limit, cost, periodMs.
 * Returns {allowed, now, day, month, then per check: allowed, remaining, resetMs, retryAfterMs}.
 */
export const ADMIT_LUA = `${COMMON}
local out = {1, now, day, month}
local writes = {}
for i = 1, #KEYS do
  local b = 2 + (i - 1) * 4
  local kind, limit, cost, period = ARGV[b], tonumber(ARGV[b + 1]), tonumber(ARGV[b + 2]), tonumber(ARGV[b + 3])
  if kind == 'g' then
    local tat = tonumber(redis.call('GET', KEYS[i]))
    local base = now
    if tat and tat > now then base = tat end
    local newTat = base + (cost * period) / limit
    local allowAt = newTat - period
    local interval = period / limit
    if allowAt - now > EPS then
      out[1] = 0
      table.insert(out, 0)
      table.insert(out, math.max(0, math.floor((now + period - base) / interval + EPS)))
      table.insert(out, math.max(0, math.ceil(base - now - EPS)))
      table.insert(out, math.ceil(allowAt - now - EPS))
    else
      writes[i] = newTat
      table.insert(out, 1)
      table.insert(out, math.max(0, math.floor((now + period - newTat) / interval + EPS)))
      table.insert(out, math.max(0, math.ceil(newTat - now - EPS)))
      table.insert(out, 0)
    end
  else
    local w, wend = day, dayEnd
    if kind == 'm' then w, wend = month, monthEnd end
    local h = redis.call('HMGET', KEYS[i], 'w', 'u')
    local used = 0
    if tonumber(h[1]) == w then used = tonumber(h[2]) end
    if used + cost > limit then
      out[1] = 0
      table.insert(out, 0)
      table.insert(out, math.max(0, limit - used))
      table.insert(out, wend - now)
      table.insert(out, wend - now)
    else
      writes[i] = used + cost
      table.insert(out, 1)
      table.insert(out, limit - used - cost)
      table.insert(out, wend - now)
      table.insert(out, 0)
    end
  end
end
if out[1] == 1 then
  for i = 1, #KEYS do
    local v = writes[i]
    local kind = ARGV[2 + (i - 1) * 4]
    if kind == 'g' then
      redis.call('SET', KEYS[i], string.format('%.17g', v), 'PX', math.ceil(v - now) + 60000)
    elseif v then
      local wend = dayEnd
      local w = day
      if kind == 'm' then w, wend = month, monthEnd end
      redis.call('HSET', KEYS[i], 'w', w, 'u', v)
      redis.call('PEXPIRE', KEYS[i], wend - now + 3600000)
    end
  end
end
return out
`;

/**
 * KEYS: one per token check. ARGV[1]: now ('' = TIME), ARGV[2]: day window, ARGV[3]: month
 * window, ARGV[4]: delta tokens; then 3 per check: kind, limit, periodMs. Returns now.
 */
export const SETTLE_LUA = `${COMMON}
local delta = tonumber(ARGV[4])
for i = 1, #KEYS do
  local b = 5 + (i - 1) * 3
  local kind, limit, period = ARGV[b], tonumber(ARGV[b + 1]), tonumber(ARGV[b + 2])
  if kind == 'g' then
    local tat = tonumber(redis.call('GET', KEYS[i]))
    local base = nil
    if delta > 0 then
      base = now
      if tat and tat > now then base = tat end
    elseif tat and tat > now then
      base = tat
    end
    if base then
      local nextTat = base + (delta * period) / limit
      if nextTat > now then
        redis.call('SET', KEYS[i], string.format('%.17g', nextTat), 'PX', math.ceil(nextTat - now) + 60000)
      else
        redis.call('DEL', KEYS[i])
      end
    end
  else
    local w = tonumber(ARGV[2])
    if kind == 'm' then w = tonumber(ARGV[3]) end
    local h = redis.call('HMGET', KEYS[i], 'w', 'u')
    if tonumber(h[1]) == w then
      redis.call('HSET', KEYS[i], 'u', math.max(0, tonumber(h[2]) + delta))
    end
  end
end
return now
`;

/** SHA-1 of a script, as EVALSHA wants it. */
export function scriptSha(script: string): string {
  return createHash('sha1').update(script).digest('hex');
}
