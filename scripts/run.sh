#!/usr/bin/env bash
# Runs TrajectoirESS locally in demo mode.
#
# Usage: scripts/run.sh
#   PORT                    HTTP port of the web app (default 5080); the e-mails' links follow it
#   TRAJECTOIRESS_PG_PORT   port of the local PostgreSQL cluster (default 5433)
#
# Starts the local PostgreSQL cluster (scripts/pg.sh, installing PostgreSQL if
# needed), then runs src/TrajectoirEss.Web in the foreground. Ctrl-C stops the
# web app; the database keeps running until `scripts/pg.sh stop`.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${REPO_ROOT}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "run.sh: error: the .NET SDK (dotnet) is not on PATH; install the .NET 10 SDK: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

# The default cluster (<repo>/.data/pg), not a test cluster.
unset TRAJECTOIRESS_PG_DIR

bash "${REPO_ROOT}/scripts/pg.sh" start

# PORT, URL, MAIL_DIR and the portal's settings (the e-mails' links follow PORT).
# shellcheck source=scripts/demo-env.sh
source "${REPO_ROOT}/scripts/demo-env.sh"
mkdir -p -- "${MAIL_DIR}"

ConnectionStrings__TrajectoirEss="$(bash "${REPO_ROOT}/scripts/pg.sh" url)"
export ConnectionStrings__TrajectoirEss
PG_PORT_IN_USE="$(sed -n 's/.*;Port=\([0-9]*\);.*/\1/p' <<<"${ConnectionStrings__TrajectoirEss}")"

DEMO_PASSWORD="Demo-Trajectoiress-2026"
cat <<EOF

================================================================
 TrajectoirESS (demo mode)
 URL:       ${URL}
 Database:  127.0.0.1:${PG_PORT_IN_USE} (inspect it with: scripts/pg.sh psql)
 E-mails:   not sent; written to ${MAIL_DIR} (links to ${TrajectoirEss__PublicBaseUrl})

 Demo accounts (password for all: ${DEMO_PASSWORD}):
   admin@demo.test
   coordination@demo.test
   pole-morlaix@demo.test
   pole-rennes@demo.test
   tag29@demo.test
   kejal@demo.test
   franceactive@demo.test
   porteur@demo.test

 Ctrl-C stops the web app; the database keeps running
 (stop it with: scripts/pg.sh stop).
================================================================

EOF

exec dotnet run --project src/TrajectoirEss.Web -c Release --no-launch-profile -- --urls "${URL}"
