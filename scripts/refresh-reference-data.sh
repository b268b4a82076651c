#!/usr/bin/env bash
# Regenerates the Breton subset of communes and EPCI from the npm package
# @etalab/decoupage-administratif.
#
# Usage: scripts/refresh-reference-data.sh [VERSION] [OUTPUT_DIR]
#   VERSION     package version (default 6.0.0)
#   OUTPUT_DIR  where to write communes-bretagne.csv and epci-bretagne.csv
#               (default src/TrajectoirEss.Infrastructure/ReferenceData)
#
# Requires node and npm. The package is installed into a temporary directory
# that is removed afterwards; nothing is added to the repository's
# package.json or node_modules.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="${1:-6.0.0}"
OUTPUT_DIR="${2:-${REPO_ROOT}/src/TrajectoirEss.Infrastructure/ReferenceData}"
PACKAGE="@etalab/decoupage-administratif"

for tool in node npm; do
  if ! command -v "${tool}" >/dev/null 2>&1; then
    echo "error: ${tool} is required (e.g. sudo apt-get install nodejs npm)" >&2
    exit 1
  fi
done

WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/trajectoiress-refdata.XXXXXX")"
cleanup() {
  rm -rf -- "${WORK_DIR}"
}
trap cleanup EXIT

echo "Installing ${PACKAGE}@${VERSION} into a temporary directory..."
npm install --no-save --no-audit --no-fund --silent --prefix "${WORK_DIR}" "${PACKAGE}@${VERSION}"

PACKAGE_DIR="${WORK_DIR}/node_modules/${PACKAGE}"
if [[ ! -f "${PACKAGE_DIR}/data/communes.json" || ! -f "${PACKAGE_DIR}/data/epci.json" ]]; then
  echo "error: ${PACKAGE_DIR}/data/communes.json or epci.json missing" >&2
  exit 1
fi

mkdir -p -- "${OUTPUT_DIR}"
OUTPUT_DIR="$(cd "${OUTPUT_DIR}" && pwd)"

node "${REPO_ROOT}/scripts/refresh-reference-data.mjs" "${PACKAGE_DIR}" "${OUTPUT_DIR}"

echo
echo "Done. Source : INSEE, DGCL, La Poste — via ${PACKAGE} ${VERSION}, Licence Ouverte 2.0"
if [[ "${VERSION}" != "6.0.0" ]]; then
  echo "Remember to update the version in the attribution of"
  echo "src/TrajectoirEss.Infrastructure/ReferenceData/README.md."
fi
