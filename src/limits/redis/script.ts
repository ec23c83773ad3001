/**
 * The Lua scripts of the Redis limiter: one script per decision (admit) and one per
 * settlement. They mirror gcra.ts and calendar.ts operation for operation, so the
 * differential test can demand identical results. Time comes from Redis `TIME` (one
 * clock for every replica) unless a test passes ARGV[1].
 *
 * GCRA: ATM Forum Traffic Management 4.0 virtual scheduling, as in redis-cell CL.THROTTLE.
 * TATs are stored with %.17g so a double survives the round trip exactly. One hash per limit
 * key holds all four dimensions: a decision costs one HMGET and at most one HSET per key.
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
 * KEYS: one hash per limit key (fields r, t: TATs of requests and tokens per minute; dw/du,
 * mw/mu: day and month window and usage). ARGV[1]: now ('' = TIME), ARGV[2]: request cost,
 * ARGV[3]: token cost (per-minute rate), ARGV[4]: period ms, ARGV[5]: token cost on the
 * quotas; then 4 limits per key (requests/min, tokens/min, tokens/day, tokens/month; 0 = none).
 * Returns {allowed, now, day, month, then per key and dimension: allowed, remaining, resetMs, retryAfterMs}.
 */
export const ADMIT_LUA = `${COMMON}
local costs = {tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[5]), tonumber(ARGV[5])}
local period = tonumber(ARGV[4])
local out = {1, now, day, month}
local writes = {}
for i = 1, #KEYS do
  local h = redis.call('HMGET', KEYS[i], 'r', 't', 'dw', 'du', 'mw', 'mu')
  local w = {}
  local ttl = 0
  for d = 1, 4 do
    local limit = tonumber(ARGV[5 + (i - 1) * 4 + d])
    local cost = costs[d]
    if limit <= 0 then
      table.insert(out, 1); table.insert(out, 0); table.insert(out, 0); table.insert(out, 0)
    elseif d <= 2 then
      local tat = tonumber(h[d])
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
        table.insert(w, d == 1 and 'r' or 't')
        table.insert(w, string.format('%.17g', newTat))
        ttl = math.max(ttl, math.ceil(newTat - now) + 60000)
        table.insert(out, 1)
        table.insert(out, math.max(0, math.floor((now + period - newTat) / interval + EPS)))
        table.insert(out, math.max(0, math.ceil(newTat - now - EPS)))
        table.insert(out, 0)
      end
    else
      local win, wend, wf, uf = day, dayEnd, 'dw', 'du'
      if d == 4 then win, wend, wf, uf = month, monthEnd, 'mw', 'mu' end
      local used = 0
      if tonumber(h[d * 2 - 3]) == win then used = tonumber(h[d * 2 - 2]) end
      if used + cost > limit then
        out[1] = 0
        table.insert(out, 0)
        table.insert(out, math.max(0, limit - used))
        table.insert(out, wend - now)
        table.insert(out, wend - now)
      else
        table.insert(w, wf); table.insert(w, win)
        table.insert(w, uf); table.insert(w, used + cost)
        ttl = math.max(ttl, wend - now + 3600000)
        table.insert(out, 1)
        table.insert(out, limit - used - cost)
        table.insert(out, wend - now)
        table.insert(out, 0)
      end
    end
  end
  writes[i] = {w, ttl}
end
if out[1] == 1 then
  for i = 1, #KEYS do
    local w, ttl = writes[i][1], writes[i][2]
    if #w > 0 then
      redis.call('HSET', KEYS[i], unpack(w))
      if redis.call('PTTL', KEYS[i]) < ttl then redis.call('PEXPIRE', KEYS[i], ttl) end
    end
  end
end
return out
`;

/**
 * KEYS: as for admit. ARGV[1]: now ('' = TIME), ARGV[2]: day window, ARGV[3]: month window,
 * ARGV[4]: delta tokens (per-minute rate), ARGV[5]: period ms, ARGV[6]: delta tokens on the
 * quotas; then 4 limits per key as for admit. Returns now.
 */
export const SETTLE_LUA = `${COMMON}
local delta = tonumber(ARGV[4])
local period = tonumber(ARGV[5])
local qdelta = tonumber(ARGV[6])
for i = 1, #KEYS do
  local b = 6 + (i - 1) * 4
  local h = redis.call('HMGET', KEYS[i], 't', 'dw', 'du', 'mw', 'mu')
  local tpm = tonumber(ARGV[b + 2])
  if tpm > 0 and delta ~= 0 then
    local tat = tonumber(h[1])
    local base = nil
    if delta > 0 then
      base = now
      if tat and tat > now then base = tat end
    elseif tat and tat > now then
      base = tat
    end
    if base then
      local nextTat = base + (delta * period) / tpm
      if nextTat > now then
        redis.call('HSET', KEYS[i], 't', string.format('%.17g', nextTat))
        local ttl = math.ceil(nextTat - now) + 60000
        if redis.call('PTTL', KEYS[i]) < ttl then redis.call('PEXPIRE', KEYS[i], ttl) end
      else
        redis.call('HDEL', KEYS[i], 't')
      end
    end
  end
  if tonumber(ARGV[b + 3]) > 0 and tonumber(h[2]) == tonumber(ARGV[2]) then
    redis.call('HSET', KEYS[i], 'du', math.max(0, tonumber(h[3]) + qdelta))
  end
  if tonumber(ARGV[b + 4]) > 0 and tonumber(h[4]) == tonumber(ARGV[3]) then
    redis.call('HSET', KEYS[i], 'mu', math.max(0, tonumber(h[5]) + qdelta))
  end
end
return now
`;

/** SHA-1 of a script, as EVALSHA wants it. */
export function scriptSha(script: string): string {
  return createHash('sha1').update(script).digest('hex');
}
