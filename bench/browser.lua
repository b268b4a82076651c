-- Behaves like a browser with the session cookie: when the portal renews it (sliding expiry, claims refreshed
-- by the security stamp check), the next requests of this wrk thread send the new one. Without this, a fixed
-- cookie grows older than the refresh interval during the run and every request pays for a renewal that a real
-- browser would have done once.
local cookies = {}

local function parse(header)
  for pair in string.gmatch(header, "([^;]+)") do
    local name, value = string.match(pair, "^%s*([^=]+)=(.*)$")
    if name then cookies[name] = value end
  end
end

local function render()
  local parts = {}
  for name, value in pairs(cookies) do
    if value ~= "" then parts[#parts + 1] = name .. "=" .. value end
  end
  return table.concat(parts, "; ")
end

init = function(args)
  if wrk.headers["Cookie"] then parse(wrk.headers["Cookie"]) end
end

request = function()
  wrk.headers["Cookie"] = render()
  return wrk.format()
end

response = function(status, headers, body)
  for name, value in pairs(headers) do
    if string.lower(name) == "set-cookie" then
      -- One Set-Cookie per response is what a renewal sends (wrk keeps the last header of a name).
      local cookie, rest = string.match(value, "^([^=]+)=([^;]*)")
      if cookie then cookies[cookie] = rest end
    end
  end
end
