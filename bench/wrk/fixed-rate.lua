-- Paces wrk 4 (Debian's wrk has no --rate) to a fixed total request rate, and prints its result as one JSON line.
-- Each of the BENCH_THREADS threads sends its share on a schedule read from the monotonic clock: a request
-- that falls behind goes at once, none goes more than a millisecond early, so the average rate is the
-- schedule's as long as the connections keep up. Latency is wrk's own: from send to response.
-- Environment: BENCH_RATE (requests/s in all), BENCH_THREADS (wrk -t), BENCH_METHOD, BENCH_BODY, BENCH_KEY.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local rate = tonumber(os.getenv("BENCH_RATE") or "1000")
local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
local interval = 1000 * threads / rate
local next_at = nil

wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
if body and #body > 0 then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end
local key = os.getenv("BENCH_KEY")
if key and #key > 0 then wrk.headers["Authorization"] = "ApiKey " .. key end

function delay()
  local now = now_ms()
  next_at = (next_at or now) + interval
  local wait = next_at - now
  if wait < 1 then return 0 end
  return math.floor(wait)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"errors":%d,"non2xx":%d,"mean_us":%.1f,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
