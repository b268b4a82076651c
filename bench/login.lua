-- Every request is a real login (the password hashing is the expensive part), with a valid antiforgery pair.
wrk.method = "POST"
wrk.body = os.getenv("LOGIN_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("LOGIN_COOKIE")
