#!/usr/bin/env bash
# The portal's benchmark, side by side with a reference app, at several data volumes.
#
# Usage: bench/run.sh            (volumes ×1 and ×10, 10 s per measure)
#        VOLUMES="1 10 100" DURATION=20 bench/run.sh
#        WARMUP_ALL=20 (default; seconds of traffic on each page before any measure: the JIT's tiered compilation and
#        dynamic PGO settle in the first minute; a server measured cold would show its compiler, not its code)
#
# For each volume: a database loaded by the demo-data generator (10 years, 2017–2026, 19 pôles; ×1 is the
# programme's real yearly volumes), the portal started in Production mode and the reference app
# (bench/ReferenceApp: one EF Core no-tracking query, Razor, a dozen rows) on the same PostgreSQL, both
# driven by wrk from this machine at 8 and 32 connections after a warm-up. Pages that need a login get
# the cookie of one real login (shared by the connections of a run), renewed like a browser renews it
# (bench/browser.lua). The reading pack (dossier de séance) measured is one published pack per volume, frozen once by
# `dotnet TrajectoirEss.Web.dll sample-reading-pack` (opening it reads the stored document). A whole evaluation campaign's
# computed values are timed once per volume by `dotnet TrajectoirEss.Web.dll time-campaign-computation`. Results: a Markdown table printed
# and written to .data/bench/results-<date>.md. SQL commands per page come from the SQL budget test
# (tests/TrajectoirEss.Web.Tests/SqlBudgetTests.cs, written to .data/bench/sql-commands.txt).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${REPO}"
VOLUMES="${VOLUMES:-1 10}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
WARMUP_ALL="${WARMUP_ALL:-20}"
PORTAL_PORT="${PORTAL_PORT:-5091}"
REFERENCE_PORT="${REFERENCE_PORT:-5092}"
OUT="${REPO}/.data/bench"
mkdir -p "${OUT}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v wrk >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk >/dev/null
  else echo "bench: wrk is missing: sudo apt-get install wrk" >&2; exit 1; fi
fi

export TRAJECTOIRESS_PG_DIR="${OUT}/pg" TRAJECTOIRESS_PG_PORT="${BENCH_PG_PORT:-5490}" TRAJECTOIRESS_PG_FAST=1
bash scripts/pg.sh start
PG_PASSWORD="$(cat "${TRAJECTOIRESS_PG_DIR}.password")"
# Both apps reach PostgreSQL through its Unix socket when it has one (pg.sh puts it in the data directory unless
# the path is too long), as an app on the database's host would: a round trip over loopback TCP costs both
# processes more kernel time (measured: pgbench 13,600 -> 17,400 transactions/s; the project file +26 %).
PG_HOST="127.0.0.1"
if [[ -S "${TRAJECTOIRESS_PG_DIR}/.s.PGSQL.${TRAJECTOIRESS_PG_PORT}" ]]; then PG_HOST="${TRAJECTOIRESS_PG_DIR}"; fi
psql_bench() { PGPASSWORD="${PG_PASSWORD}" psql -h 127.0.0.1 -p "${TRAJECTOIRESS_PG_PORT}" -U trajectoiress -At "$@"; }

echo "bench: building (Release)"
dotnet publish src/TrajectoirEss.Web -c Release -o "${OUT}/portal" --nologo -v quiet >/dev/null
dotnet publish bench/ReferenceApp -c Release -o "${OUT}/reference" --nologo -v quiet >/dev/null

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done; bash scripts/pg.sh stop >/dev/null 2>&1 || true; }
trap cleanup EXIT

wait_ready() { for _ in $(seq 1 120); do curl -sf "$1" >/dev/null && return 0; sleep 0.5; done; echo "bench: $1 never answered" >&2; return 1; }

# Runs wrk against a URL (extra wrk arguments after it); prints "rps p50 p95 p99 errors".
measure() {
  local connections="$1" url="$2"; shift 2
  # A script file of its own: the login is measured while another measure runs.
  local script; script="$(mktemp "${OUT}/run-XXXXXX.lua")"
  cat "${SCRIPT_BASE:-/dev/null}" bench/report.lua > "${script}"
  local threads=$(( connections < 2 ? 1 : 2 ))
  wrk -t"${threads}" -c"${connections}" -d"${WARMUP}s" -s "${script}" "$@" "${url}" >/dev/null 2>&1 || true
  local app_before pg_before result
  app_before="$(cpu_ticks "${APP_PID:-${portal_pid}}")"; pg_before="$(cpu_ticks $(postgres_pids))"
  result="$(wrk -t"${threads}" -c"${connections}" -d"${DURATION}s" --timeout "${TIMEOUT:-10}s" -s "${script}" "$@" "${url}" 2>&1 | sed -n 's/^RESULT //p')"
  # CPU time per request, in ms, of the app measured and of PostgreSQL: where a request's cost goes, and a figure
  # that depends less than req/s on what else this machine does (wrk shares its cores).
  local requests; requests="$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"${result}")"
  echo "${result} $(awk -v a="$(( $(cpu_ticks "${APP_PID:-${portal_pid}}") - app_before ))" -v g="$(( $(cpu_ticks $(postgres_pids)) - pg_before ))" -v r="${requests:-0}" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { if (r > 0) printf "app_cpu=%.3f pg_cpu=%.3f", a * 1000 / hz / r, g * 1000 / hz / r; else printf "app_cpu= pg_cpu=" }')"
  rm -f "${script}"
}

# User and system CPU time (clock ticks) of the given processes and of their children that have ended (/proc
# stat fields 14-17): PostgreSQL's are the postmaster and its live children, so the time of a backend or an
# autovacuum worker that ends during a measure moves from one sum to the other instead of vanishing.
cpu_ticks() { local total=0 pid; for pid in "$@"; do total=$(( total + $(awk '{ print $14 + $15 + $16 + $17 }' "/proc/${pid}/stat" 2>/dev/null || echo 0) )); done; echo "${total}"; }
postgres_pids() { local postmaster; postmaster="$(head -1 "${TRAJECTOIRESS_PG_DIR}/postmaster.pid" 2>/dev/null)"; [[ -n "${postmaster}" ]] && echo "${postmaster}" $(pgrep -P "${postmaster}"); }

cookie_for() {
  local email="$1" jar; jar="$(mktemp)"
  local token
  token="$(curl -s -c "${jar}" -b "${jar}" "http://127.0.0.1:${PORTAL_PORT}/compte/connexion" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)"
  curl -s -c "${jar}" -b "${jar}" -o /dev/null "http://127.0.0.1:${PORTAL_PORT}/compte/connexion" \
    --data-urlencode "Email=${email}" --data-urlencode "Password=Demo-Trajectoiress-2026" --data-urlencode "__RequestVerificationToken=${token}"
  awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "${jar}"
  rm -f "${jar}"
}

# Starts the portal in Production on the volume's database (connection string in ${cs}), with the log file given
# and any extra settings (NAME=value); sets portal_pid. The retention job stays off: at each start it would warn
# the demo data's thousands of long-inactive porteurs (and, a month later, erase them) while pages are measured.
start_portal() {
  local log="$1"; shift
  ( cd "${OUT}/portal" && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__TrajectoirEss="${cs}" Email__Delivery=Pickup Email__PickupDirectory="${OUT}/mail" \
      TrajectoirEss__PublicBaseUrl="http://127.0.0.1:${PORTAL_PORT}" Referrals__JobEnabled=false Retention__JobEnabled=false Security__RequireTwoFactorForStaff=false RateLimiting__Enabled=false \
      Serilog__MinimumLevel__Default=Warning "$@" dotnet TrajectoirEss.Web.dll --urls "http://127.0.0.1:${PORTAL_PORT}" >"${log}" 2>&1 ) &
  portal_pid=$!; PIDS+=("${portal_pid}")
}

peak_rss() { local pid="$1" file="$2"; local max=0; while kill -0 "${pid}" 2>/dev/null; do r=$(ps -o rss= -p "${pid}" 2>/dev/null | tr -d ' '); [[ -n "$r" && "$r" -gt "$max" ]] && max=$r && echo "$max" > "$file"; sleep 0.5; done; }

RESULTS="${OUT}/results-$(date -u +%Y%m%d-%H%M).md"
{
  echo "# Benchmark $(date -u +'%Y-%m-%d %H:%M UTC') — $(nproc) cores, ${DURATION}s per measure after ${WARMUP}s warm-up"
  echo
  echo "| volume | page | conns | req/s | p50 ms | p95 ms | p99 ms | errors | ratio to reference | app CPU ms/req | PostgreSQL CPU ms/req |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
} > "${RESULTS}"

for volume in ${VOLUMES}; do
  db="trajectoiress_bench_x${volume//./_}"
  cs="Host=${PG_HOST};Port=${TRAJECTOIRESS_PG_PORT};Username=trajectoiress;Password=${PG_PASSWORD};Database=${db};Maximum Pool Size=100"
  if [[ -z "$(psql_bench -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '${db}'")" ]]; then
    psql_bench -d postgres -c "CREATE DATABASE ${db}" >/dev/null
  fi
  # Every run applies this version's migrations: a new database gets its schema, one loaded by an earlier run its new indexes.
  ( cd "${OUT}/portal" && ASPNETCORE_ENVIRONMENT=Development TrajectoirEss__DemoMode=true ConnectionStrings__TrajectoirEss="${cs}" Email__PickupDirectory="${OUT}/mail" dotnet TrajectoirEss.Web.dll migrate >/dev/null )
  if [[ "$(psql_bench -d "${db}" -c "SELECT EXISTS (SELECT 1 FROM projects)")" != "t" ]]; then
    echo "bench: loading volume ×${volume} (demo-data generator, 2017–2026)"
    ( cd "${OUT}/portal" && time ASPNETCORE_ENVIRONMENT=Development TrajectoirEss__DemoMode=true ConnectionStrings__TrajectoirEss="${cs}" Email__PickupDirectory="${OUT}/mail" dotnet TrajectoirEss.Web.dll generate-demo-data "${volume}" 2017 2026 >/dev/null )
    psql_bench -d "${db}" -c "VACUUM ANALYZE" >/dev/null
  fi
  # A published reading pack of the platform (dossier de séance), frozen once at this volume: opening it reads the stored document.
  pack_session="$(cd "${OUT}/portal" && ASPNETCORE_ENVIRONMENT=Development TrajectoirEss__DemoMode=true ConnectionStrings__TrajectoirEss="${cs}" Email__PickupDirectory="${OUT}/mail" dotnet TrajectoirEss.Web.dll sample-reading-pack | sed -n 's/^reading pack of session //p' | tail -1)"
  [[ -n "${pack_session}" ]] || { echo "bench: no reading pack could be frozen" >&2; exit 1; }
  # A whole evaluation campaign's computed values for the last complete year (issue 21's bar: under 10 s at ×10), timed by the portal.
  campaign_line="$(cd "${OUT}/portal" && ASPNETCORE_ENVIRONMENT=Development TrajectoirEss__DemoMode=true ConnectionStrings__TrajectoirEss="${cs}" Email__PickupDirectory="${OUT}/mail" dotnet TrajectoirEss.Web.dll time-campaign-computation | grep '^campaign ' | tail -1 || true)"
  campaign_seconds="$(sed -n 's/^campaign [0-9]* computed in \([0-9.]*\) s.*/\1/p' <<<"${campaign_line}")"
  echo "bench: ${campaign_line:-campaign computation failed}"
  # The demo's campaigns, frozen at this volume, and their readings (the evaluation's reading pages below read them).
  ( cd "${OUT}/portal" && ASPNETCORE_ENVIRONMENT=Development TrajectoirEss__DemoMode=true ConnectionStrings__TrajectoirEss="${cs}" Email__PickupDirectory="${OUT}/mail" dotnet TrajectoirEss.Web.dll sample-evaluation | grep '^evaluation:' || true )
  steps="$(psql_bench -d "${db}" -c "SELECT count(*) FROM trajectory_steps")"
  projects="$(psql_bench -d "${db}" -c "SELECT count(*) FROM projects")"
  echo "bench: volume ×${volume}: ${projects} projects, ${steps} trajectory steps"

  start_portal "${OUT}/portal.log"
  ( cd "${OUT}/reference" && ConnectionStrings__Bench="${cs}" exec dotnet ReferenceApp.dll --urls "http://127.0.0.1:${REFERENCE_PORT}" >"${OUT}/reference.log" 2>&1 ) &
  reference_pid=$!; PIDS+=("${reference_pid}")
  wait_ready "http://127.0.0.1:${PORTAL_PORT}/health/ready"
  wait_ready "http://127.0.0.1:${REFERENCE_PORT}/fortunes"
  rm -f "${OUT}/rss"; peak_rss "${portal_pid}" "${OUT}/rss" & PIDS+=($!)

  pole_cookie="$(cookie_for pole-morlaix@demo.test)"
  export SCRIPT_BASE=bench/browser.lua
  porteur_cookie="$(cookie_for porteur@demo.test)"
  coordination_cookie="$(cookie_for coordination@demo.test)"
  pole_project="$(psql_bench -d "${db}" -c "SELECT p.id FROM projects p JOIN poles po ON po.id = p.pole_id WHERE po.code = 'adess-du-pays-de-morlaix' ORDER BY (SELECT count(*) FROM trajectory_steps s WHERE s.project_id = p.id) DESC LIMIT 1")"
  porteur_project="$(psql_bench -d "${db}" -c "SELECT m.project_id FROM project_members m JOIN \"AspNetUsers\" u ON u.id = m.user_id WHERE u.normalized_email = 'PORTEUR@DEMO.TEST' LIMIT 1" 2>/dev/null || true)"
  [[ -z "${porteur_project}" ]] && porteur_project="$(psql_bench -d "${db}" -c "SELECT m.project_id FROM project_members m JOIN asp_net_users u ON u.id = m.user_id WHERE u.normalized_email = 'PORTEUR@DEMO.TEST' LIMIT 1")"
  # The evaluation (issue 21): the last frozen campaign's reading of its first question, and the latest public synthesis — both read from the stored values.
  reading_campaign="$(psql_bench -d "${db}" -c "SELECT id FROM campaigns WHERE status = 'Frozen' ORDER BY year DESC LIMIT 1")"
  reading_question="$(psql_bench -d "${db}" -c "SELECT q->>'Id' FROM referentials r JOIN campaigns c ON c.referential_id = r.id, jsonb_array_elements(r.questions) q WHERE c.id = '${reading_campaign}' ORDER BY (q->>'Position')::int LIMIT 1")"
  synthesis_year="$(psql_bench -d "${db}" -c "SELECT year FROM evaluation_readings WHERE status = 'Published' ORDER BY year DESC LIMIT 1")"
  [[ -n "${reading_question}" && -n "${synthesis_year}" ]] || { echo "bench: no frozen campaign with a reading, or no published synthesis" >&2; exit 1; }

  # Every page (and the reference) gets traffic before the first measure.
  echo "bench: warming up (${WARMUP_ALL} s per page)"
  for warm in "http://127.0.0.1:${REFERENCE_PORT}/fortunes|" "http://127.0.0.1:${PORTAL_PORT}/pole?status=Welcomed|${pole_cookie}" \
      "http://127.0.0.1:${PORTAL_PORT}/pole?page=20|${pole_cookie}" "http://127.0.0.1:${PORTAL_PORT}/pole/projets/${pole_project}|${pole_cookie}" \
      "http://127.0.0.1:${PORTAL_PORT}/porteur/projets/${porteur_project}|${porteur_cookie}" "http://127.0.0.1:${PORTAL_PORT}/coordination?annee=2025|${coordination_cookie}" \
      "http://127.0.0.1:${PORTAL_PORT}/coordination?du=2017-01-01&au=2026-12-31|${coordination_cookie}" "http://127.0.0.1:${PORTAL_PORT}/api/communes?q=quim|" \
      "http://127.0.0.1:${PORTAL_PORT}/coordination/plateforme/seances/${pack_session}/dossier|${coordination_cookie}" \
      "http://127.0.0.1:${PORTAL_PORT}/coordination/evaluation/campagnes/${reading_campaign}/lecture/questions/${reading_question}|${coordination_cookie}" \
      "http://127.0.0.1:${PORTAL_PORT}/evaluation/${synthesis_year}|"; do
    cat bench/browser.lua bench/report.lua > "${OUT}/warm.lua"
    wrk -t2 -c8 -d"${WARMUP_ALL}s" -s "${OUT}/warm.lua" -H "Cookie: ${warm#*|}" "${warm%%|*}" >/dev/null 2>&1 || true
  done

  for connections in 8 32; do
    ref="$(APP_PID="${reference_pid}" measure "${connections}" "http://127.0.0.1:${REFERENCE_PORT}/fortunes")"
    ref_rps="$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' <<<"${ref}")"
    row() { # name result
      local rps p50 p95 p99 err
      rps=$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' <<<"$2"); p50=$(sed -n 's/.*p50=\([0-9.]*\).*/\1/p' <<<"$2")
      p95=$(sed -n 's/.*p95=\([0-9.]*\).*/\1/p' <<<"$2"); p99=$(sed -n 's/.*p99=\([0-9.]*\).*/\1/p' <<<"$2"); err=$(sed -n 's/.*errors=\([0-9]*\).*/\1/p' <<<"$2")
      local app_cpu pg_cpu
      app_cpu=$(sed -n 's/.*app_cpu=\([0-9.]*\).*/\1/p' <<<"$2"); pg_cpu=$(sed -n 's/.*pg_cpu=\([0-9.]*\).*/\1/p' <<<"$2")
      echo "| ×${volume} | $1 | ${connections} | ${rps} | ${p50} | ${p95} | ${p99} | ${err} | $(if [[ -n "${ref_rps}" ]]; then awk -v a="${rps:-0}" -v b="${ref_rps}" 'BEGIN { printf "%.2f", a / b }'; else echo "—"; fi) | ${app_cpu:-—} | ${pg_cpu:-—} |" >> "${RESULTS}"
    }
    row "reference (Fortunes)" "${ref}"
    row "pôle inbox, filtered, page 1" "$(measure "${connections}" "http://127.0.0.1:${PORTAL_PORT}/pole?status=Welcomed" -H "Cookie: ${pole_cookie}")"
    row "pôle inbox, page 20" "$(measure "${connections}" "http://127.0.0.1:${PORTAL_PORT}/pole?page=20" -H "Cookie: ${pole_cookie}")"
    row "project file (longest trajectory)" "$(measure "${connections}" "http://127.0.0.1:${PORTAL_PORT}/pole/projets/${pole_project}" -H "Cookie: ${pole_cookie}")"
    row "porteur's project page" "$(measure "${connections}" "http://127.0.0.1:${PORTAL_PORT}/porteur/projets/${porteur_project}" -H "Cookie: ${porteur_cookie}")"
    row "dashboard, region, one year" "$(measure "${connections}" "http://127.0.0.1:${PORTAL_PORT}/coordination?annee=2025" -H "Cookie: ${coordination_cookie}")"
    row "dashboard, region, ten years" "$(measure "${connections}" "http://127.0.0.1:${PORTAL_PORT}/coordination?du=2017-01-01&au=2026-12-31" -H "Cookie: ${coordination_cookie}")"
    row "communes autocomplete" "$(measure "${connections}" "http://127.0.0.1:${PORTAL_PORT}/api/communes?q=quim")"
    row "reading pack (dossier de séance)" "$(measure "${connections}" "http://127.0.0.1:${PORTAL_PORT}/coordination/plateforme/seances/${pack_session}/dossier" -H "Cookie: ${coordination_cookie}")"
    row "evaluation: a question's reading (frozen values)" "$(measure "${connections}" "http://127.0.0.1:${PORTAL_PORT}/coordination/evaluation/campagnes/${reading_campaign}/lecture/questions/${reading_question}" -H "Cookie: ${coordination_cookie}")"
    row "evaluation: public synthesis (anonymous)" "$(measure "${connections}" "http://127.0.0.1:${PORTAL_PORT}/evaluation/${synthesis_year}")"
  done

  # Login under load: 8 connections hammer the login while the inbox is measured.
  jar="$(mktemp)"
  token="$(curl -s -c "${jar}" -b "${jar}" "http://127.0.0.1:${PORTAL_PORT}/compte/connexion" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)"
  export LOGIN_COOKIE; LOGIN_COOKIE="$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "${jar}")"
  export LOGIN_BODY="Email=pole-morlaix%40demo.test&Password=Demo-Trajectoiress-2026&__RequestVerificationToken=$(python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1]))' "${token}")"
  rm -f "${jar}"
  ref_rps=""
  connections=8
  SCRIPT_BASE=bench/login.lua measure 8 "http://127.0.0.1:${PORTAL_PORT}/compte/connexion" > "${OUT}/login.txt" &
  login_job=$!
  sleep 1
  under_load="$(measure 8 "http://127.0.0.1:${PORTAL_PORT}/pole?status=Welcomed" -H "Cookie: ${pole_cookie}")"
  wait "${login_job}" || true
  # Two loads at once: CPU per request would mix them, so these rows give none.
  row "login POST (8 connections hammering)" "$(sed 's/ app_cpu=.*//' "${OUT}/login.txt")"
  row "pôle inbox while the login is hammered" "${under_load%% app_cpu=*}"

  kill "${portal_pid}" "${reference_pid}" 2>/dev/null || true
  wait "${portal_pid}" 2>/dev/null || true

  # What a dashboard costs to compute, without the cache and the refresh job: the portal again with
  # Workspace:DashboardCacheSeconds=0, one connection (latency = one computation).
  start_portal "${OUT}/portal-nocache.log" Workspace__DashboardCacheSeconds=0
  wait_ready "http://127.0.0.1:${PORTAL_PORT}/health/ready"
  coordination_cookie="$(cookie_for coordination@demo.test)"
  connections=1
  # At least 30 s each and a long timeout: ten years at ×100 take about 20 s, which a 5-s measure never sees end.
  nocache_duration=$(( DURATION > 30 ? DURATION : 30 ))
  # No CPU per request here: a computation still running when the measure ends adds its time to few requests.
  nocache_one="$(DURATION=${nocache_duration} TIMEOUT=120 measure 1 "http://127.0.0.1:${PORTAL_PORT}/coordination?annee=2025" -H "Cookie: ${coordination_cookie}")"
  row "dashboard computed (no cache), region, one year" "${nocache_one%% app_cpu=*}"
  nocache_ten="$(DURATION=${nocache_duration} TIMEOUT=120 measure 1 "http://127.0.0.1:${PORTAL_PORT}/coordination?du=2017-01-01&au=2026-12-31" -H "Cookie: ${coordination_cookie}")"
  row "dashboard computed (no cache), region, ten years" "${nocache_ten%% app_cpu=*}"
  kill "${portal_pid}" 2>/dev/null || true
  sleep 1
  echo "" >> "${RESULTS}"
  echo "Volume ×${volume}: ${projects} projects, ${steps} trajectory steps; portal's peak memory: $(( $(cat "${OUT}/rss" 2>/dev/null || echo 0) / 1024 )) MB; a whole evaluation campaign's computed values: ${campaign_seconds:-—} s (${campaign_line:-not measured})." >> "${RESULTS}"
  echo "" >> "${RESULTS}"
done

if [[ -f "${OUT}/sql-commands.txt" ]]; then
  echo "SQL commands per request (SQL budget test, last run): $(awk -F'\t' '!($2 in last) { order[++n] = $2 } { last[$2] = $3 } END { for (i = 1; i <= n; i++) printf "%s=%s; ", order[i], last[order[i]] }' "${OUT}/sql-commands.txt")" >> "${RESULTS}"
fi
cat "${RESULTS}"
