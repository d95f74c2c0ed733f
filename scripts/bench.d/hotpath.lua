-- wrk script for scripts/bench: one hot path per run, chosen by BENCH_MODE, over the patients listed in BENCH_IDS,
-- with the bearer token in BENCH_TOKEN. Prints one machine-readable RESULT line.
local mode = os.getenv("BENCH_MODE")
local token = os.getenv("BENCH_TOKEN")
local patients = {}
local sent = 0

local paths = {
  patient = function(id) return "/api/v1/patients/" .. id end,
  timeline = function(id) return "/api/v1/patients/" .. id .. "/pain-assessments?page=0&size=20" end,
  trend = function(id) return "/api/v1/patients/" .. id .. "/pain-trend?days=30" end,
  worklist = function() return "/api/v1/refractory-cases?status=OPEN&primarySite=PANCREAS&sort=-omeddMg&size=20" end,
  stats = function() return "/api/v1/stats/cohort" end,
}

local next_thread = 0
function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_tag", string.format("%d-%d", os.time(), next_thread))
end

function init(args)
  for line in io.lines(os.getenv("BENCH_IDS")) do
    patients[#patients + 1] = line
  end
  math.randomseed(os.time() + #thread_tag)
end

function request()
  local id = patients[math.random(#patients)]
  local headers = { ["Authorization"] = "Bearer " .. token }
  if mode == "ingest" then
    sent = sent + 1
    headers["Content-Type"] = "application/json"
    local body = string.format(
      '{"externalId":"wrk-%s-%d","recordedAt":"%s","scale":"NRS","value":%d,"kind":"BACKGROUND",' ..
      '"site":"ABDOMEN_UPPER","mechanism":"NOCICEPTIVE_VISCERAL","course":"CHRONIC",' ..
      '"breakthroughEpisodes24h":%d,"source":"EHR"}',
      thread_tag, sent, os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 60), math.random(0, 10), math.random(0, 4))
    return wrk.format("POST", "/api/v1/patients/" .. id .. "/pain-assessments", headers, body)
  end
  return wrk.format("GET", paths[mode](id), headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT requests=%d rps=%.1f p50=%.2f p95=%.2f p99=%.2f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
