-- wrk script for bench/load.py: LOAD_PAGE picks the page, LOAD_ITEMS (one per line)
-- holds search queries or document ids; non-2xx responses are counted per thread.
local page = os.getenv("LOAD_PAGE") or "home"
local items = {}
for x in string.gmatch(os.getenv("LOAD_ITEMS") or "", "[^\n]+") do items[#items + 1] = x end
local threads = {}

function setup(thread) table.insert(threads, thread) end

function init(args) bad = 0; i = math.random(1, math.max(#items, 1)) end

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  i = i % math.max(#items, 1) + 1
  if page == "catalog" then return wrk.format("GET", "/catalog/") end
  if page == "search" then return wrk.format("GET", "/search/?q=" .. urlencode(items[i])) end
  if page == "document" then return wrk.format("GET", "/documents/" .. items[i] .. "/") end
  return wrk.format("GET", "/")
end

function response(status) if status < 200 or status > 299 then bad = bad + 1 end end

function done(summary, latency, requests)
  local non2xx = 0
  for _, t in ipairs(threads) do non2xx = non2xx + (t:get("bad") or 0) end
  local e = summary.errors
  local sock = e.connect + e.read + e.write + e.timeout
  io.write(string.format('RESULT {"rps": %.1f, "p50": %.2f, "p99": %.2f, "non2xx": %d, "socket": %d, "errors": %d}\n',
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, non2xx, sock, non2xx + sock))
end
