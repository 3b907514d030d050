#!/usr/bin/env bash
# The container image's build stages as commands. The Dockerfile runs each stage through this script and CI runs the
# same stages without Docker (.ci/publish-smoke), so what CI proves is what the image holds.
#   bash build/image.sh ui               the launchpad: npm ci from ui/package-lock.json, then npm run build (ui/dist)
#   bash build/image.sh publish <dir>    dotnet publish of src/Airgate into <dir>, with the page the ui stage built
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '[image] %s\n' "$*" >&2; }

case "${1:-}" in
  ui)
    log "ui: npm ci (from package-lock.json) and npm run build in ui/"
    (cd ui && npm ci --no-audit --no-fund --loglevel=error && npm run build)
    ;;
  publish)
    out=${2:?usage: build/image.sh publish <dir>}
    # The page comes from the ui stage, never from whatever an earlier local build left (.dockerignore keeps ui/dist out).
    if [ ! -f ui/dist/index.html ]; then
      log "ui/dist/index.html is missing: run 'bash build/image.sh ui' first"
      exit 1
    fi
    log "publish: src/Airgate into $out"
    dotnet publish src/Airgate -c Release -o "$out" -p:AirgateBuildUi=false -p:DebugType=none -p:GenerateDocumentationFile=false >&2
    if [ ! -f "$out/launchpad/index.html" ]; then
      log "the published output has no launchpad/index.html"
      exit 1
    fi
    if ! compgen -G "$out/launchpad/assets/*.js.br" > /dev/null; then
      log "the published output has no precompressed script (launchpad/assets/*.js.br, written by npm run build)"
      exit 1
    fi
    ;;
  *)
    echo "usage: bash build/image.sh ui | publish <dir>" >&2
    exit 2
    ;;
esac
