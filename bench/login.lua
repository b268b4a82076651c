-- Every request is a real login (the password hashing is the expensive part), with a valid antiforgery pair.
-- A login that does not end in a redirect (302) counts as an error in the report (wrong token, lockout…).
wrk.method = "POST"
wrk.body = os.getenv("LOGIN_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("LOGIN_COOKIE")

refused = 0
response = function(status, headers, body)
  if status ~= 302 and status < 400 then refused = refused + 1 end -- 4xx and 5xx are counted by wrk itself
end
