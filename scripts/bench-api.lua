-- wrk script for scripts/bench-api.sh: POST /run with the echo workflow's input, a different
-- message each time ("<phase> <thread>-<n>", the phase from the script's argument), so that the
-- fake provider can tell whether any run asked it twice; and a count of answers by status (wrk
-- alone counts only non-2xx, and a 202 hand-off is 2xx).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
  phase = args[1] or "run"
  sent = 0
end

function request()
  sent = sent + 1
  return wrk.format(nil, nil, nil, string.format('{"message": "hello from wrk %s %d-%d"}', phase, id, sent))
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("counts")) do
      all[status] = (all[status] or 0) + n
    end
  end
  for status, n in pairs(all) do
    io.write(string.format("answers %d: %d\n", status, n))
  end
  io.write(string.format("latency p50: %.1f ms, p99: %.1f ms, max: %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
