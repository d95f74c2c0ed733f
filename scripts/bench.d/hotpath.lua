-- wrk script for scripts/bench: one hot path per run, chosen by BENCH_MODE, over the patients listed in BENCH_IDS,
-- with the bearer token in BENCH_TOKEN (or, for the dashboard's pages, the session cookie in BENCH_COOKIE). Prints one
-- machine-readable RESULT line, with the 201s acknowledged.
--   ingest                      POST a pain assessment (unique externalId per request)
--   patient, timeline, trend,
--   worklist, stats             the GETs below
--   get                         GET BENCH_PATH, where {patientId} is replaced by a patient of BENCH_IDS
--   cds                         POST the CDS Hooks request in BENCH_BODY ({{patientId}} filled in) to BENCH_PATH, each
--                               with its own CDS client token: line BENCH_TOKEN_OFFSET + n of BENCH_TOKENS
local mode = os.getenv("BENCH_MODE")
local token = os.getenv("BENCH_TOKEN")
local cookie = os.getenv("BENCH_COOKIE")
local patients = {}
sent = 0 -- globals: done() reads them from each thread
acked = 0
local tokens = {}
local body_template

local paths = {
  patient = function(id) return "/api/v1/patients/" .. id end,
  timeline = function(id) return "/api/v1/patients/" .. id .. "/pain-assessments?page=0&size=20" end,
  trend = function(id) return "/api/v1/patients/" .. id .. "/pain-trend?days=30" end,
  worklist = function() return "/api/v1/refractory-cases?status=OPEN&primarySite=PANCREAS&sort=-omeddMg&size=20" end,
  stats = function() return "/api/v1/stats/cohort" end,
  get = function(id) return (os.getenv("BENCH_PATH"):gsub("{patientId}", id)) end,
}

local threads = {}
local thread_count = tonumber(os.getenv("BENCH_THREADS") or "2")
function setup(thread)
  thread:set("thread_index", #threads)
  thread:set("thread_tag", string.format("%d-%d", os.time(), #threads + 1))
  threads[#threads + 1] = thread
end

function init(args)
  for line in io.lines(os.getenv("BENCH_IDS")) do
    patients[#patients + 1] = line
  end
  math.randomseed(os.time() + thread_index)
  if mode == "cds" then
    local file = io.open(os.getenv("BENCH_BODY"))
    body_template = file:read("*a")
    file:close()
    -- This thread's tokens: every thread_count-th line from the offset on, so no two requests share a jti.
    local n, offset = 0, tonumber(os.getenv("BENCH_TOKEN_OFFSET") or "0")
    for line in io.lines(os.getenv("BENCH_TOKENS")) do
      if n >= offset and (n - offset) % thread_count == thread_index then
        tokens[#tokens + 1] = line
      end
      n = n + 1
    end
  end
end

function request()
  local id = patients[math.random(#patients)]
  local headers = cookie and { ["Cookie"] = cookie } or { ["Authorization"] = "Bearer " .. token }
  sent = sent + 1
  if mode == "ingest" then
    headers["Content-Type"] = "application/json"
    local body = string.format(
      '{"externalId":"wrk-%s-%d","recordedAt":"%s","scale":"NRS","value":%d,"kind":"BACKGROUND",' ..
      '"site":"ABDOMEN_UPPER","mechanism":"NOCICEPTIVE_VISCERAL","course":"CHRONIC",' ..
      '"breakthroughEpisodes24h":%d,"source":"EHR"}',
      thread_tag, sent, os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 60), math.random(0, 10), math.random(0, 4))
    return wrk.format("POST", "/api/v1/patients/" .. id .. "/pain-assessments", headers, body)
  end
  if mode == "cds" then
    -- Past the last token the requests reuse one and are refused: the errors column shows it.
    headers["Authorization"] = "Bearer " .. tokens[math.min(sent, #tokens)]
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", os.getenv("BENCH_PATH"), headers, (body_template:gsub("{{patientId}}", id)))
  end
  return wrk.format("GET", paths[mode](id), headers)
end

-- Only ingest counts its 201s. wrk buffers every response's headers and body for Lua only when response() exists,
-- and on this machine the load generator shares the service's 2 cores: the GETs leave it undefined.
if mode == "ingest" then
  function response(status, headers, body)
    if status == 201 then
      acked = acked + 1
    end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  -- most: the most requests one thread issued, so that the next run's token offset passes every token used here
  local acknowledged, most = 0, 0
  for _, thread in ipairs(threads) do
    acknowledged = acknowledged + thread:get("acked")
    most = math.max(most, thread:get("sent"))
  end
  io.write(string.format("RESULT requests=%d rps=%.1f p50=%.2f p95=%.2f p99=%.2f errors=%d acked=%d most=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors,
    acknowledged, most))
end
