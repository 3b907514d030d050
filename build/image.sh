#!/usr/bin/env bash
# The container image's build stages as commands. The Dockerfile runs each stage through this script and CI runs the
# same stages without Docker (.ci/publish-smoke), so what CI proves is what the image holds.
#   bash build/image.sh ui               the launchpad: npm ci from ui/package-lock.json, then npm run build (ui/dist)
#   bash build/image.sh publish <dir>    dotnet publish of src/Airgate (ReadyToRun) into <dir>, with the page the ui stage built
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
    # ReadyToRun for the machine's own architecture (the image's): precompiled code instead of JIT-compiled code at
    # start and under load (bench/README.md "Memory"); framework-dependent, on the runtime image's shared framework.
    case "$(uname -m)" in
      x86_64) rid=linux-x64 ;;
      aarch64 | arm64) rid=linux-arm64 ;;
      *) log "no ReadyToRun runtime identifier for $(uname -m)"; exit 1 ;;
    esac
    log "publish: src/Airgate into $out (ReadyToRun, $rid, framework-dependent)"
    # The committed lock files hold no runtime-specific graph: the RID restore writes its own under obj/ instead.
    dotnet publish src/Airgate -c Release -r "$rid" --self-contained false -o "$out" -p:AirgateBuildUi=false -p:DebugType=none \
      -p:GenerateDocumentationFile=false -p:NuGetLockFilePath="obj/$rid.packages.lock.json" >&2
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
