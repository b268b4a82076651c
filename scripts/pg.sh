#!/usr/bin/env bash
# Manages a local PostgreSQL cluster for TrajectoirESS (development and tests).
#
# Usage: scripts/pg.sh init|start|stop|status|url|psql [psql args]
#
#   init    create the cluster (done automatically by start on first use)
#   start   start the cluster (and create the application database for the
#           default cluster)
#   stop    stop the cluster (fast shutdown)
#   status  print "running on 127.0.0.1:PORT" (exit 0) or "stopped" (exit 3)
#   url     print an Npgsql connection string
#   psql    run psql against the cluster, passing the remaining arguments
#
# Settings (environment):
#   TRAJECTOIRESS_PG_DIR       cluster data directory (default <repo>/.data/pg).
#                              When set, the password is kept in
#                              "${TRAJECTOIRESS_PG_DIR}.password" and no
#                              application database is created by start.
#   TRAJECTOIRESS_PG_PORT      TCP port on 127.0.0.1 (default 5433)
#   TRAJECTOIRESS_PG_FAST=1    at init, disable fsync/synchronous_commit/
#                              full_page_writes (throwaway test clusters only)
#   TRAJECTOIRESS_PG_DATABASE  database used by url/psql (default trajectoiress)
#
# If the PostgreSQL server binaries are missing they are installed with apt
# (root or passwordless sudo), without letting Debian create its own cluster.
# As root, the server runs as the "postgres" system user (initdb and postgres
# refuse to run as root).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_ROOT="${REPO_ROOT}/.data"

PG_PORT="${TRAJECTOIRESS_PG_PORT:-5433}"
PG_FAST="${TRAJECTOIRESS_PG_FAST:-0}"
PG_SUPERUSER="trajectoiress"
FALLBACK_ROOT="/var/lib/trajectoiress"

if [[ -n "${TRAJECTOIRESS_PG_DIR:-}" ]]; then
  CUSTOM_DIR=1
  PG_DIR="${TRAJECTOIRESS_PG_DIR%/}"
  [[ "${PG_DIR}" == /* ]] || PG_DIR="${PWD}/${PG_DIR}"
  PASSWORD_FILE="${PG_DIR}.password"
  LOCATION_FILE=""
  # Test clusters have no application database: tests create their own.
  PG_DATABASE="${TRAJECTOIRESS_PG_DATABASE:-postgres}"
  URL_DATABASE="${TRAJECTOIRESS_PG_DATABASE:-trajectoiress}"
else
  CUSTOM_DIR=0
  PG_DIR="${DATA_ROOT}/pg"
  PASSWORD_FILE="${DATA_ROOT}/pg-password"
  LOCATION_FILE="${DATA_ROOT}/pg.location"
  PG_DATABASE="${TRAJECTOIRESS_PG_DATABASE:-trajectoiress}"
  URL_DATABASE="${PG_DATABASE}"
  # A previous run may have moved the cluster out of an unreachable checkout.
  if [[ -s "${LOCATION_FILE}" ]]; then
    PG_DIR="$(head -n 1 "${LOCATION_FILE}")"
  fi
fi

BIN_DIR=""
SERVER_USER=""

log() {
  echo "pg.sh: $*" >&2
}

die() {
  echo "pg.sh: error: $*" >&2
  exit 1
}

usage() {
  sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}" >&2
  exit 2
}

is_root() {
  [[ "${EUID}" -eq 0 ]]
}

# --- binaries -------------------------------------------------------------

# Sets BIN_DIR to a directory holding pg_ctl, initdb and postgres: the highest
# version under /usr/lib/postgresql, else the directory of pg_ctl on PATH.
find_binaries() {
  local dir candidate
  BIN_DIR=""
  if compgen -G "/usr/lib/postgresql/*/bin" >/dev/null; then
    while IFS= read -r dir; do
      if [[ -x "${dir}/pg_ctl" && -x "${dir}/initdb" && -x "${dir}/postgres" ]]; then
        BIN_DIR="${dir}"
        return 0
      fi
    done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV)
  fi
  if candidate="$(command -v pg_ctl 2>/dev/null)"; then
    dir="$(dirname "$(readlink -f "${candidate}")")"
    if [[ -x "${dir}/initdb" && -x "${dir}/postgres" ]]; then
      BIN_DIR="${dir}"
      return 0
    fi
  fi
  return 1
}

install_postgresql() {
  local -a sudo=()
  local instructions="install the PostgreSQL server, e.g.: sudo apt-get install postgresql"
  if ! command -v apt-get >/dev/null 2>&1; then
    die "PostgreSQL server binaries (pg_ctl, initdb, postgres) not found and apt-get is unavailable; ${instructions}"
  fi
  if ! is_root; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      die "PostgreSQL server binaries (pg_ctl, initdb, postgres) not found and this script cannot install them (not root, no passwordless sudo); ${instructions}"
    fi
  fi
  log "PostgreSQL not found: installing it with apt-get (this takes a minute)..."
  # Keep Debian from creating and starting its own cluster on port 5432.
  "${sudo[@]}" mkdir -p /etc/postgresql-common/createcluster.d
  printf '%s\n' "# Written by TrajectoirESS scripts/pg.sh: no default Debian cluster." \
    "create_main_cluster = false" |
    "${sudo[@]}" tee /etc/postgresql-common/createcluster.d/trajectoiress.conf >/dev/null
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    postgresql postgresql-client >&2
}

# Makes sure the server binaries exist, installing them when allowed.
ensure_binaries() {
  if find_binaries; then
    return 0
  fi
  install_postgresql
  find_binaries || die "PostgreSQL was installed but pg_ctl/initdb/postgres are still not found; install it with: sudo apt-get install postgresql"
}

# Prints the path of the psql client (installing postgresql-client if needed).
psql_path() {
  if [[ -n "${BIN_DIR}" && -x "${BIN_DIR}/psql" ]]; then
    echo "${BIN_DIR}/psql"
  elif command -v psql >/dev/null 2>&1; then
    command -v psql
  elif is_root && command -v apt-get >/dev/null 2>&1; then
    log "psql not found: installing postgresql-client..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-client >&2 ||
      die "could not install psql; install it with: sudo apt-get install postgresql-client"
    command -v psql
  else
    die "psql not found; install it with: sudo apt-get install postgresql-client"
  fi
}

# --- server user ----------------------------------------------------------

# Sets SERVER_USER: the user that owns and runs the cluster.
resolve_server_user() {
  if ! is_root; then
    SERVER_USER="$(id -un)"
    return 0
  fi
  # An existing cluster keeps its owner.
  if [[ -f "${PG_DIR}/PG_VERSION" ]]; then
    local owner
    owner="$(stat -c %U "${PG_DIR}")"
    if [[ "${owner}" != "root" && "${owner}" != "UNKNOWN" ]]; then
      SERVER_USER="${owner}"
      return 0
    fi
  fi
  if id -u postgres >/dev/null 2>&1; then
    SERVER_USER="postgres"
  else
    SERVER_USER="trajectoiress-pg"
    if ! id -u "${SERVER_USER}" >/dev/null 2>&1; then
      log "creating system user ${SERVER_USER} to run PostgreSQL"
      useradd --system --user-group --no-create-home --home-dir "${FALLBACK_ROOT}" \
        --shell /usr/sbin/nologin "${SERVER_USER}"
    fi
  fi
}

# Runs a command as the server user (from /, so that an unreadable working
# directory does not produce warnings).
as_server() {
  if is_root; then
    if command -v runuser >/dev/null 2>&1; then
      (cd / && runuser -u "${SERVER_USER}" -- "$@")
    else
      local quoted
      quoted="$(printf '%q ' "$@")"
      (cd / && su -s /bin/bash "${SERVER_USER}" -c "${quoted}")
    fi
  else
    "$@"
  fi
}

# As root, makes sure the server user can reach the data directory; for the
# default cluster, moves it under /var/lib/trajectoiress when the checkout is
# not reachable (e.g. under /root) and records the new place.
ensure_reachable_dir() {
  is_root || return 0
  local parent
  parent="$(dirname "${PG_DIR}")"
  mkdir -p -- "${parent}"
  if as_server test -x "${parent}"; then
    return 0
  fi
  if [[ "${CUSTOM_DIR}" -eq 1 ]]; then
    die "${parent} is not reachable by the user ${SERVER_USER} that runs PostgreSQL; choose another TRAJECTOIRESS_PG_DIR (e.g. under /tmp) or make its parents world-searchable (chmod o+x)"
  fi
  local hash
  hash="$(printf '%s' "${PG_DIR}" | sha1sum | cut -c1-12)"
  local new_dir="${FALLBACK_ROOT}/${hash}"
  log "note: ${parent} is not reachable by the user ${SERVER_USER};"
  log "      the cluster lives in ${new_dir} instead (recorded in ${LOCATION_FILE})"
  mkdir -p -- "${FALLBACK_ROOT}"
  chmod 755 "${FALLBACK_ROOT}"
  PG_DIR="${new_dir}"
  mkdir -p -- "${DATA_ROOT}"
  printf '%s\n' "${PG_DIR}" >"${LOCATION_FILE}"
}

# --- password ---------------------------------------------------------------

ensure_password() {
  if [[ -s "${PASSWORD_FILE}" ]]; then
    return 0
  fi
  mkdir -p -- "$(dirname "${PASSWORD_FILE}")"
  local password
  if command -v openssl >/dev/null 2>&1; then
    password="$(openssl rand -hex 24)"
  else
    password="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  fi
  (umask 077 && printf '%s\n' "${password}" >"${PASSWORD_FILE}")
  chmod 600 "${PASSWORD_FILE}"
}

read_password() {
  [[ -s "${PASSWORD_FILE}" ]] || die "password file ${PASSWORD_FILE} is missing; if the cluster in ${PG_DIR} was created without it, stop it and delete ${PG_DIR} to start afresh"
  head -n 1 "${PASSWORD_FILE}"
}

# --- cluster state ----------------------------------------------------------

is_initialized() {
  [[ -f "${PG_DIR}/PG_VERSION" ]]
}

is_running() {
  is_initialized || return 1
  [[ -n "${BIN_DIR}" ]] || find_binaries || return 1
  [[ -n "${SERVER_USER}" ]] || resolve_server_user
  as_server "${BIN_DIR}/pg_ctl" -D "${PG_DIR}" status >/dev/null 2>&1
}

# Port of the running server (from postmaster.pid), else the configured one.
current_port() {
  local port=""
  if [[ -r "${PG_DIR}/postmaster.pid" ]]; then
    port="$(sed -n '4p' "${PG_DIR}/postmaster.pid" 2>/dev/null || true)"
  fi
  if [[ "${port}" =~ ^[0-9]+$ ]]; then
    echo "${port}"
  else
    echo "${PG_PORT}"
  fi
}

port_in_use() {
  bash -c ": </dev/tcp/127.0.0.1/$1" >/dev/null 2>&1
}

conf_quote() {
  local s="$1"
  printf "'%s'" "${s//\'/\'\'}"
}

utf8_locale_available() {
  locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'
}

# --- commands ---------------------------------------------------------------

cmd_init() {
  ensure_binaries
  resolve_server_user
  ensure_reachable_dir
  if is_initialized; then
    [[ "${1:-}" == "--quiet" ]] || log "cluster already initialized in ${PG_DIR}"
    return 0
  fi
  ensure_password

  mkdir -p -- "${PG_DIR}"
  if is_root; then
    chown "${SERVER_USER}:" "${PG_DIR}"
  fi
  chmod 700 "${PG_DIR}"

  local locale_opt="--locale=C.UTF-8"
  utf8_locale_available || locale_opt="--locale=C"

  # initdb reads the password from a file the server user can read.
  local pwfile
  pwfile="$(mktemp "${TMPDIR:-/tmp}/trajectoiress-pgpw.XXXXXX")"
  head -n 1 "${PASSWORD_FILE}" >"${pwfile}"
  chmod 600 "${pwfile}"
  if is_root; then
    chown "${SERVER_USER}:" "${pwfile}"
  fi

  log "initializing cluster in ${PG_DIR} (server user ${SERVER_USER}, ${BIN_DIR})"
  local rc=0
  as_server "${BIN_DIR}/initdb" -D "${PG_DIR}" -U "${PG_SUPERUSER}" \
    --auth=scram-sha-256 --pwfile="${pwfile}" -E UTF8 "${locale_opt}" >"${PG_DIR}.initdb.log" 2>&1 || rc=$?
  rm -f -- "${pwfile}"
  if [[ "${rc}" -ne 0 ]]; then
    cat "${PG_DIR}.initdb.log" >&2 || true
    rm -f -- "${PG_DIR}.initdb.log"
    die "initdb failed (exit ${rc})"
  fi
  rm -f -- "${PG_DIR}.initdb.log"

  # Unix socket in the data directory itself (no clash with
  # /var/run/postgresql); disabled when the path would be too long.
  local socket_dir="${PG_DIR}"
  if ((${#PG_DIR} + 20 > 107)); then
    socket_dir=""
  fi
  {
    echo ""
    echo "# --- added by TrajectoirESS scripts/pg.sh ---"
    echo "listen_addresses = '127.0.0.1'"
    echo "port = ${PG_PORT}"
    echo "unix_socket_directories = $(conf_quote "${socket_dir}")"
    echo "max_connections = 200"
    echo "shared_buffers = 128MB"
    if [[ "${PG_FAST}" == "1" ]]; then
      echo "# throwaway test cluster: durability off (TRAJECTOIRESS_PG_FAST=1)"
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } >>"${PG_DIR}/postgresql.conf"
  log "cluster initialized in ${PG_DIR}"
}

# Creates the application database of the default cluster when missing.
ensure_database() {
  [[ "${CUSTOM_DIR}" -eq 0 ]] || return 0
  local psql port password exists
  psql="$(psql_path)"
  port="$(current_port)"
  password="$(read_password)"
  exists="$(printf '%s\n' "SELECT 1 FROM pg_database WHERE datname = :'db';" |
    PGPASSWORD="${password}" PGCONNECT_TIMEOUT=10 "${psql}" -X -q -tA -v ON_ERROR_STOP=1 \
      -h 127.0.0.1 -p "${port}" -U "${PG_SUPERUSER}" -d postgres -v db="${PG_DATABASE}")"
  if [[ "${exists}" != "1" ]]; then
    log "creating database ${PG_DATABASE}"
    printf '%s\n' 'CREATE DATABASE :"db";' |
      PGPASSWORD="${password}" PGCONNECT_TIMEOUT=10 "${psql}" -X -q -v ON_ERROR_STOP=1 \
        -h 127.0.0.1 -p "${port}" -U "${PG_SUPERUSER}" -d postgres -v db="${PG_DATABASE}" >/dev/null
  fi
}

cmd_start() {
  cmd_init --quiet
  if is_running; then
    log "already running on 127.0.0.1:$(current_port) (${PG_DIR})"
    ensure_database
    return 0
  fi
  if port_in_use "${PG_PORT}"; then
    die "port ${PG_PORT} on 127.0.0.1 is already used by another process; choose another port, e.g. TRAJECTOIRESS_PG_PORT=$((PG_PORT + 100)) $0 start"
  fi
  log "starting PostgreSQL on 127.0.0.1:${PG_PORT} (${PG_DIR})"
  if ! as_server "${BIN_DIR}/pg_ctl" -D "${PG_DIR}" -l "${PG_DIR}/server.log" -w -t 60 \
    -o "-p ${PG_PORT}" start >/dev/null; then
    echo "--- last lines of ${PG_DIR}/server.log ---" >&2
    tail -n 30 "${PG_DIR}/server.log" >&2 || true
    die "PostgreSQL failed to start"
  fi
  ensure_database
  log "running on 127.0.0.1:${PG_PORT}"
}

cmd_stop() {
  if ! is_initialized || ! find_binaries; then
    log "stopped (no cluster in ${PG_DIR})"
    return 0
  fi
  resolve_server_user
  if ! is_running; then
    log "already stopped"
    return 0
  fi
  as_server "${BIN_DIR}/pg_ctl" -D "${PG_DIR}" stop -m fast -w -t 60 >/dev/null
  log "stopped"
}

cmd_status() {
  if is_running; then
    echo "running on 127.0.0.1:$(current_port)"
    return 0
  fi
  echo "stopped"
  return 3
}

cmd_url() {
  local password
  password="$(read_password)"
  echo "Host=127.0.0.1;Port=$(current_port);Username=${PG_SUPERUSER};Password=${password};Database=${URL_DATABASE}"
}

cmd_psql() {
  find_binaries || true
  local psql password
  psql="$(psql_path)"
  password="$(read_password)"
  PGPASSWORD="${password}" exec "${psql}" -h 127.0.0.1 -p "$(current_port)" \
    -U "${PG_SUPERUSER}" -d "${PG_DATABASE}" "$@"
}

main() {
  [[ $# -ge 1 ]] || usage
  local command="$1"
  shift
  case "${command}" in
    init) cmd_init ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) cmd_url ;;
    psql) cmd_psql "$@" ;;
    -h | --help | help) usage ;;
    *)
      echo "pg.sh: unknown command: ${command}" >&2
      usage
      ;;
  esac
}

main "$@"
