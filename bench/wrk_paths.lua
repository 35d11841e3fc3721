-- wrk script for bench.sh: cycles through the URL paths of the file named by $WRK_PATHS
-- (one "/path?query" per line); each thread starts at a different offset. At the end prints one
-- line "WRKJSON {...}" with requests, duration, errors and latency percentiles (microseconds).
--   WRK_PATHS=urls.txt wrk -t2 -c8 -d20s --latency -s wrk_paths.lua http://127.0.0.1:8080
local paths = {}
local file = os.getenv("WRK_PATHS")
if not file then error("set WRK_PATHS to a file of URL paths") end
for line in io.lines(file) do
  if #line > 0 then paths[#paths + 1] = line end
end
if #paths == 0 then error("no paths in " .. file) end

local nthreads = 0
function setup(thread)
  thread:set("tid", nthreads)
  nthreads = nthreads + 1
end

local counter = 0
function init(args)
  counter = ((tid or 0) * 7919) % #paths
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_s":%.3f,"rps":%.2f,"bytes":%d,' ..
    '"err_connect":%d,"err_read":%d,"err_write":%d,"err_timeout":%d,"non2xx":%d,' ..
    '"lat_mean_us":%.1f,"lat_p50_us":%d,"lat_p90_us":%d,"lat_p99_us":%d,"lat_max_us":%d,"paths":%d}\n',
    summary.requests, secs, summary.requests / secs, summary.bytes,
    e.connect, e.read, e.write, e.timeout, e.status,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    #paths))
end
