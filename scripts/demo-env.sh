# The demo's settings, sourced by scripts/run.sh (and by DemoModeTests, which checks them).
# Expects REPO_ROOT; reads PORT (default 5080). Sets PORT, URL, MAIL_DIR and exports the portal's settings.
# A setting already in the environment wins (e.g. TrajectoirEss__PublicBaseUrl behind a tunnel).

PORT="${PORT:-5080}"
URL="http://127.0.0.1:${PORT}"
MAIL_DIR="${REPO_ROOT}/.data/mail"

export ASPNETCORE_ENVIRONMENT=Development
export TrajectoirEss__DemoMode=true
# The links of the e-mails lead to this very portal, on its port.
export TrajectoirEss__PublicBaseUrl="${TrajectoirEss__PublicBaseUrl:-${URL}}"
export Database__MigrateOnStart=true
export Email__PickupDirectory="${MAIL_DIR}"
# The demo data spans ten years: the retention job would warn its fictitious porteurs of past years (hundreds
# of e-mails in .data/mail) and erase them a month later. Demo data stays as generated; the job is tested with
# its own clock (RetentionTests) and runs in every other environment.
export Retention__JobEnabled="${Retention__JobEnabled:-false}"
