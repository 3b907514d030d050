#!/usr/bin/env bash
# Memory of the published builds, in one run: the framework-dependent build (dotnet airgate.dll) and the ReadyToRun
# self-contained single file (./airgate, as README "Deployment" and .ci/publish-smoke publish it), each under the
# runtime settings in BENCH_MEMORY_SETTINGS (GC mode, tiering), idle, after 10,000 requests and with 1,000 open event
# streams; RSS and PSS from /proc/<pid>/smaps_rollup. Prints a Markdown table. Linux only; ports 5100 and 5120 up
# (AIRGATE_BENCH_PORT moves them).
# Usage: bash bench/run-memory.sh   (BENCH_MEMORY_SETTINGS="default;DOTNET_gcServer=0" to pick settings)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "[memory] publishing the framework-dependent and the ReadyToRun self-contained builds into $out" >&2
dotnet build "$root/src/Airgate" -c Release -p:AirgateBuildUi=false >/dev/null
dotnet publish "$root/src/Airgate" -c Release -p:AirgateBuildUi=false -o "$out/fd" >/dev/null
dotnet publish "$root/src/Airgate" -c Release -r linux-x64 --self-contained -p:PublishSingleFile=true \
  -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none -p:GenerateDocumentationFile=false -p:AirgateBuildUi=false \
  -p:NuGetLockFilePath=obj/linux-x64.packages.lock.json -o "$out/r2r" >/dev/null
BENCH_PARTS=memory \
BENCH_MEMORY_BUILDS="framework-dependent=$out/fd/airgate.dll;ReadyToRun self-contained=$out/r2r/airgate" \
  dotnet run -c Release -p:AirgateBuildUi=false --project "$here/Airgate.Gateway.Bench"
