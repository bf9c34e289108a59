-- One benchmark scenario for wrk (run with one thread, -t1). Arguments after "--":
--   method, path template ("{id}" becomes the next id of the ids file, round robin), token ("" for none),
--   body ("" for none; "{start}" and "{end}" become a fresh appointment's times), ids file ("" for none),
--   file to append the ids of created items to ("" for none), expected status.
-- Prints one line: RESULT <req/s> <p50 ms> <p99 ms> <unexpected answers + socket errors> <ids available>

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  method, template, token, body = args[1], args[2], args[3], args[4]
  ids, out, expected = args[5], args[6], tonumber(args[7])
  list, next_id, mismatched, available, first_unexpected = {}, 1, 0, 0, nil
  if ids ~= "" then
    for line in io.lines(ids) do list[#list + 1] = line end
  end
  available = #list
  created = nil
  if out ~= "" then created = io.open(out, "a") end
  slot = math.random(0, 1000000)
  sent, started = 0, os.time()
end

function request()
  local path = template
  if #list > 0 then
    path = string.gsub(template, "{id}", list[next_id])
    next_id = next_id % #list + 1
  end
  local headers = {}
  if token ~= "" then headers["Authorization"] = "Bearer " .. token end
  if method ~= "GET" then
    -- as the official SDKs do on every call: a client-request-id, whose first try the service records
    sent = sent + 1
    headers["client-request-id"] = "bench-" .. started .. "-" .. sent
  end
  local payload = nil
  if body ~= "" then
    headers["Content-Type"] = "application/json"
    slot = slot + 1
    local start = 1893456000 + slot * 3600 -- from 2030 on, an hour apart
    payload = string.gsub(string.gsub(body, "{start}", os.date("!%Y-%m-%dT%H:%M:%S", start)),
        "{end}", os.date("!%Y-%m-%dT%H:%M:%S", start + 1800))
  end
  return wrk.format(method, path, headers, payload)
end

function response(status, headers, response_body)
  if status ~= expected then
    mismatched = mismatched + 1
    if not first_unexpected then first_unexpected = status .. " " .. string.sub(response_body or "", 1, 300) end
  end
  if created and status == 201 then
    local id = string.match(response_body, '"id":"([^"]+)"')
    if id then
      created:write(id, "\n")
      created:flush()
    end
  end
end

function done(summary, latency, requests)
  local unexpected, available = 0, 0
  for _, thread in ipairs(threads) do
    unexpected = unexpected + thread:get("mismatched")
    available = available + thread:get("available")
    local first = thread:get("first_unexpected")
    if first then io.stderr:write("first unexpected answer: ", first, "\n") end
  end
  local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d\n", summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, unexpected + socket_errors, available,
      summary.requests))
end
