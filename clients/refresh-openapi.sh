#!/usr/bin/env bash
# Refreshes the committed snapshot of Airgate's OpenAPI document (clients/openapi/airgate.json) and the TypeScript
# types generated from it (clients/openapi/airgate.d.ts), which the launchpad (ui/) and clients/typescript import.
#   bash clients/refresh-openapi.sh                 # builds nothing; starts `airgate dev` (Release build) on port 5139
#   AIRGATE_URL=http://127.0.0.1:5080 bash clients/refresh-openapi.sh   # from a gateway already running
#   bash clients/refresh-openapi.sh --check         # fails when the snapshot differs from the served document (CI)
# The .NET test OpenApiSnapshotTests fails when the served document and the snapshot differ.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
check=false
[ "${1:-}" = "--check" ] && check=true
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

base=${AIRGATE_URL:-}
if [ -z "$base" ]; then
  port=${AIRGATE_REFRESH_PORT:-5139}
  base="http://127.0.0.1:$port"
  dotnet run --project src/Airgate --configuration "${CONFIGURATION:-Release}" -p:AirgateBuildUi=false -- dev --urls "$base" > "$work/dev.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -sf "$base/health/live" >/dev/null && break; sleep 1; done
fi
curl -sf "$base/openapi/v1.json" -o "$work/served.json" || { cat "$work/dev.log" >&2 2>/dev/null; exit 1; }
# 'servers' names the host the document was read from: not part of the contract.
python3 - "$work/served.json" "$work/airgate.json" <<'PY'
import json, sys
document = json.load(open(sys.argv[1], encoding="utf-8"))
document.pop("servers", None)
with open(sys.argv[2], "w", encoding="utf-8", newline="\n") as out:
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
PY
if [ ! -x clients/typescript/node_modules/.bin/openapi-typescript ]; then
  (cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
clients/typescript/node_modules/.bin/openapi-typescript "$work/airgate.json" -o "$work/airgate.d.ts" >&2

if $check; then
  status=0
  diff -u clients/openapi/airgate.json "$work/airgate.json" >&2 || status=1
  diff -u clients/openapi/airgate.d.ts "$work/airgate.d.ts" >&2 || status=1
  if [ $status -ne 0 ]; then
    echo "The OpenAPI snapshot is out of date: run 'bash clients/refresh-openapi.sh' and commit clients/openapi/." >&2
    exit 1
  fi
  echo "OpenAPI snapshot matches the served document." >&2
else
  cp "$work/airgate.json" "$work/airgate.d.ts" clients/openapi/
  echo "Wrote clients/openapi/airgate.json and airgate.d.ts from $base." >&2
fi
