#!/usr/bin/env bash
# Refreshes the front-end libraries served by the portal itself (no CDN) from the npm registry:
# Chart.js and its Sankey plugin, into src/TrajectoirEss.Web/wwwroot/lib. Bootstrap came with the
# ASP.NET Core template (5.3.3). Usage: scripts/update-frontend-libs.sh [chart.js version] [sankey version]
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LIB="${REPO_ROOT}/src/TrajectoirEss.Web/wwwroot/lib"
CHART_VERSION="${1:-4.6.1}"
SANKEY_VERSION="${2:-0.19.1}"
WORK="$(mktemp -d)"
trap 'rm -rf "${WORK}"' EXIT
cd "${WORK}"
npm pack --silent "chart.js@${CHART_VERSION}" "chartjs-chart-sankey@${SANKEY_VERSION}" >/dev/null
mkdir -p chart sankey
tar -xzf "chart.js-${CHART_VERSION}.tgz" -C chart
tar -xzf "chartjs-chart-sankey-${SANKEY_VERSION}.tgz" -C sankey
mkdir -p "${LIB}/chart.js/dist" "${LIB}/chartjs-chart-sankey/dist"
cp chart/package/dist/chart.umd.min.js "${LIB}/chart.js/dist/"
cp chart/package/LICENSE.md "${LIB}/chart.js/"
cp sankey/package/dist/chartjs-chart-sankey.min.js "${LIB}/chartjs-chart-sankey/dist/"
cp sankey/package/LICENSE "${LIB}/chartjs-chart-sankey/" 2>/dev/null || cp sankey/package/LICENSE.md "${LIB}/chartjs-chart-sankey/"
echo "Chart.js ${CHART_VERSION} and chartjs-chart-sankey ${SANKEY_VERSION} copied to ${LIB}"

# axe-core, injected into the pages by the end-to-end accessibility checks (not served by the portal).
AXE_VERSION="${3:-4.14.1}"
AXE_DIR="${REPO_ROOT}/tests/TrajectoirEss.EndToEnd.Tests/Assets"
npm pack --silent "axe-core@${AXE_VERSION}" >/dev/null
mkdir -p axe "${AXE_DIR}"
tar -xzf "axe-core-${AXE_VERSION}.tgz" -C axe
cp axe/package/axe.min.js "${AXE_DIR}/axe.min.js"
cp axe/package/LICENSE "${AXE_DIR}/axe-core-LICENSE.txt"
echo "axe-core ${AXE_VERSION} copied to ${AXE_DIR}"
