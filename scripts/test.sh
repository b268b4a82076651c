#!/usr/bin/env bash
# Runs the TrajectoirESS test suite against a throwaway PostgreSQL cluster.
#
# Usage: scripts/test.sh [extra dotnet test arguments]
#   e.g. scripts/test.sh --filter "FullyQualifiedName~Domain"
#
# What it does:
#   1. checks that a .NET SDK is available;
#   2. starts a throwaway PostgreSQL cluster (scripts/pg.sh) in a temporary
#      directory on a free port, with durability off;
#   3. exports, for the tests:
#        TRAJECTOIRESS_TEST_PG      Npgsql connection string (Database=postgres;
#                                   the tests create their own databases)
#        TRAJECTOIRESS_TEST_PG_DIR  data directory of the throwaway cluster
#        TRAJECTOIRESS_TEST_PG_CTL  absolute path of scripts/pg.sh; with the
#                                   exported TRAJECTOIRESS_PG_DIR/PORT/FAST it
#                                   stops/starts this very cluster
#        TRAJECTOIRESS_CHROMIUM     /usr/bin/chromium (only when the solution
#                                   has tests/TrajectoirEss.EndToEnd.Tests)
#   4. runs `dotnet test` (Release, trx logger) and writes the results and a
#      log under .data/test-results/<timestamp>/;
#   5. stops the cluster, removes its directory, and prints as the very last
#      line: "N passed, N failed, N skipped".
#
# Exit status: non-zero if dotnet test failed, if any test failed, or if no
# test passed.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_CTL="${REPO_ROOT}/scripts/pg.sh"
SOLUTION="TrajectoirEss.sln"
E2E_PROJECT_DIR="tests/TrajectoirEss.EndToEnd.Tests"
CHROMIUM="/usr/bin/chromium"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# State shared with the EXIT trap.
TEST_TMP=""
CLUSTER_STARTED=0
RESULTS_DIR=""
DOTNET_RC=""
PASSED=0
FAILED=0
SKIPPED=0
TRX_COUNT=0

log() {
  echo "test.sh: $*" >&2
}

# Sums the counters of every .trx file under the directory given as $1 into
# PASSED, FAILED and SKIPPED (skipped = notExecuted); sets TRX_COUNT.
sum_trx_counters() {
  local dir="$1" file counters value
  PASSED=0
  FAILED=0
  SKIPPED=0
  TRX_COUNT=0
  [[ -n "${dir}" && -d "${dir}" ]] || return 0
  while IFS= read -r -d '' file; do
    counters="$(grep -o '<Counters [^>]*>' "${file}" | head -n 1 || true)"
    [[ -n "${counters}" ]] || continue
    TRX_COUNT=$((TRX_COUNT + 1))
    value="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"${counters}")"
    PASSED=$((PASSED + ${value:-0}))
    value="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"${counters}")"
    FAILED=$((FAILED + ${value:-0}))
    value="$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"${counters}")"
    SKIPPED=$((SKIPPED + ${value:-0}))
  done < <(find "${dir}" -type f -name '*.trx' -print0)
}

stop_cluster() {
  if [[ "${CLUSTER_STARTED}" -eq 1 ]]; then
    log "stopping the test cluster"
    bash "${PG_CTL}" stop >&2 || log "warning: could not stop the cluster in ${TRAJECTOIRESS_PG_DIR:-?}"
    CLUSTER_STARTED=0
  fi
  if [[ -n "${TEST_TMP}" && -d "${TEST_TMP}" ]]; then
    rm -rf -- "${TEST_TMP}" || log "warning: could not remove ${TEST_TMP}"
  fi
}

# EXIT trap: clean up first, then print the summary as the very last line.
on_exit() {
  local rc=$?
  set +e
  stop_cluster

  sum_trx_counters "${RESULTS_DIR}"
  if [[ "${TRX_COUNT}" -eq 0 ]]; then
    # No results at all (build error, interrupted, setup failure...).
    ((FAILED < 1)) && FAILED=1
  elif [[ -n "${DOTNET_RC}" && "${DOTNET_RC}" -ne 0 && "${FAILED}" -eq 0 ]]; then
    # dotnet test failed without a failed test (e.g. one project did not
    # build or a test host crashed): count it as a failure.
    log "dotnet test exited with code ${DOTNET_RC} but no test failed; counting 1 failure"
    FAILED=1
  fi
  if [[ -n "${RESULTS_DIR}" ]]; then
    log "results: ${RESULTS_DIR}"
  fi
  if [[ "${rc}" -eq 0 ]] && ((FAILED > 0 || PASSED == 0)); then
    rc=1
  fi
  printf '%d passed, %d failed, %d skipped\n' "${PASSED}" "${FAILED}" "${SKIPPED}"
  exit "${rc}"
}

is_port_free() {
  ! bash -c ": </dev/tcp/127.0.0.1/$1" >/dev/null 2>&1
}

ensure_chromium() {
  if [[ ! -x "${CHROMIUM}" ]]; then
    local -a sudo=()
    if [[ "${EUID}" -ne 0 ]]; then
      if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo=(sudo -n)
      else
        log "error: ${CHROMIUM} is missing; install it with: sudo apt-get install chromium"
        exit 1
      fi
    fi
    log "installing Chromium for the end-to-end tests..."
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >&2
    [[ -x "${CHROMIUM}" ]] || {
      log "error: ${CHROMIUM} still missing after installing chromium"
      exit 1
    }
  fi
  export TRAJECTOIRESS_CHROMIUM="${CHROMIUM}"
}

start_test_cluster() {
  TEST_TMP="$(mktemp -d "/tmp/trajectoiress-test-pg-$$.XXXXXX")"
  # The server may run as another user (postgres when we are root).
  chmod 755 "${TEST_TMP}"

  local port="" p
  for ((p = 5434; p <= 5499; p++)); do
    if is_port_free "${p}"; then
      port="${p}"
      break
    fi
  done
  if [[ -z "${port}" ]]; then
    log "error: no free port between 5434 and 5499 on 127.0.0.1"
    exit 1
  fi

  export TRAJECTOIRESS_PG_DIR="${TEST_TMP}/data"
  export TRAJECTOIRESS_PG_PORT="${port}"
  export TRAJECTOIRESS_PG_FAST=1
  # Set when the start is attempted, so that the trap stops a half-started
  # cluster too.
  CLUSTER_STARTED=1
  bash "${PG_CTL}" start >&2

  export TRAJECTOIRESS_TEST_PG
  TRAJECTOIRESS_TEST_PG="$(TRAJECTOIRESS_PG_DATABASE=postgres bash "${PG_CTL}" url)"
  export TRAJECTOIRESS_TEST_PG_DIR="${TRAJECTOIRESS_PG_DIR}"
  export TRAJECTOIRESS_TEST_PG_CTL="${PG_CTL}"
  log "test cluster on 127.0.0.1:${port} (${TRAJECTOIRESS_PG_DIR})"
}

main() {
  cd "${REPO_ROOT}"
  trap on_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  if ! command -v dotnet >/dev/null 2>&1; then
    log "error: the .NET SDK (dotnet) is not on PATH; install the .NET 10 SDK: https://dotnet.microsoft.com/download"
    exit 1
  fi
  if [[ ! -f "${SOLUTION}" ]]; then
    log "error: ${REPO_ROOT}/${SOLUTION} not found"
    exit 1
  fi

  local stamp
  stamp="$(date -u +%Y%m%d-%H%M%S)"
  RESULTS_DIR="${REPO_ROOT}/.data/test-results/${stamp}"
  [[ ! -e "${RESULTS_DIR}" ]] || RESULTS_DIR="${RESULTS_DIR}-$$"
  mkdir -p -- "${RESULTS_DIR}"

  start_test_cluster

  if [[ -d "${E2E_PROJECT_DIR}" ]]; then
    ensure_chromium
  fi

  local log_file="${RESULTS_DIR}/dotnet-test.log"
  log "running dotnet test (log: ${log_file})"
  set +e
  dotnet test "${SOLUTION}" -c Release \
    --logger "trx;LogFilePrefix=results" \
    --results-directory "${RESULTS_DIR}" \
    "$@" 2>&1 | tee "${log_file}"
  DOTNET_RC="${PIPESTATUS[0]}"
  set -e

  # The EXIT trap stops the cluster and prints the summary.
  exit "${DOTNET_RC}"
}

# Allow sourcing (to test sum_trx_counters) without running anything.
if [[ "${BASH_SOURCE[0]}" == "${0}" ]]; then
  main "$@"
fi
