-- scenario.lua at a constant rate: the same arguments plus an 8th, the rate in requests per second (whole run;
-- wrk runs with one thread, -t1). Debian's wrk (4.1) has no constant-rate mode and wrk2 is not packaged here, so
-- the rate comes from wrk's delay() hook: the k-th request is due at t0 + k / rate (one schedule for all the
-- thread's connections), and delay() holds it until then. Requests start on schedule as long as a connection is
-- free; wrk times each from when it is sent, so a server that falls behind makes later requests wait for a
-- connection unmeasured (coordinated omission): the printed req/s then stays below the asked rate, say so.
-- Kept apart from scenario.lua because defining delay() at all sends every request through a wrk timer.
dofile("src/bench/scenario.lua")

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local scenario_init = init
function init(args)
  scenario_init(args)
  interval_ms = 1000 / tonumber(args[8])
  due_ms = nil
end

function delay()
  local now = now_ms()
  if not due_ms then due_ms = now end
  local wait = due_ms - now
  due_ms = due_ms + interval_ms
  if wait < 0 then return 0 end
  return math.floor(wait + 0.5)
end
