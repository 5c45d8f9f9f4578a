-- wrk script for bench/load.py: LOAD_PAGE picks the page, LOAD_ITEMS_FILE (one per line) holds
-- search queries or document ids. Counts non-2xx replies and page-cache hits per thread, and
-- reports socket errors by kind.
local page = os.getenv("LOAD_PAGE") or "home"
local items = {}
local path = os.getenv("LOAD_ITEMS_FILE")
if path then for x in io.lines(path) do if #x > 0 then items[#items + 1] = x end end end
local threads = {}

function setup(thread) table.insert(threads, thread) end

function init(args) bad = 0; hits = 0; i = math.random(1, math.max(#items, 1)) end

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  -- Each thread walks the list from its own random start, so the whole list gets visited.
  i = i % math.max(#items, 1) + 1
  if page == "catalog" then return wrk.format("GET", "/catalog/") end
  if page == "search" then return wrk.format("GET", "/search/?q=" .. urlencode(items[i])) end
  if page == "document" then return wrk.format("GET", "/documents/" .. items[i] .. "/") end
  return wrk.format("GET", "/")
end

function response(status, headers)
  if status < 200 or status > 299 then bad = bad + 1 end
  if headers["X-Gongkai-Page-Cache"] == "hit" then hits = hits + 1 end
end

function done(summary, latency, requests)
  local non2xx, hit = 0, 0
  for _, t in ipairs(threads) do
    non2xx = non2xx + (t:get("bad") or 0)
    hit = hit + (t:get("hits") or 0)
  end
  local e = summary.errors
  io.write(string.format('RESULT {"rps": %.1f, "p50": %.2f, "p99": %.2f, "requests": %d, "hits": %d, '
    .. '"non2xx": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d, "errors": %d}\n',
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests, hit, non2xx, e.connect, e.read, e.write,
    e.timeout, non2xx + e.connect + e.read + e.write + e.timeout))
end
