-- Appended to each wrk script: one machine-readable line with throughput, latency percentiles and errors
-- (wrk's own errors, plus the responses a script's response() marked as refused).
local threads = {}
setup = function(thread) table.insert(threads, thread) end

done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  for _, thread in ipairs(threads) do errors = errors + (thread:get("refused") or 0) end
  io.write(string.format("RESULT rps=%.1f p50=%.2f p95=%.2f p99=%.2f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1000000), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, errors, summary.requests))
end
