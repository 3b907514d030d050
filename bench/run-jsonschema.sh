#!/usr/bin/env bash
# Runs the JSON Schema benchmarks (Airgate.JsonSchema with BenchmarkDotNet, then ajv with node)
# on the same schema and data, and prints the time per validation of both and the ratio.
# Usage: bash bench/run-jsonschema.sh   (needs the .NET SDK, node and npm)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
artifacts="$here/Airgate.JsonSchema.Bench/BenchmarkDotNet.Artifacts"
rm -rf "$artifacts" && mkdir -p "$artifacts"

dotnet run -c Release --project "$here/Airgate.JsonSchema.Bench" -- \
  --filter '*' --job short --exporters json --artifacts "$artifacts" >"$artifacts/run.log" 2>&1 \
  || { tail -40 "$artifacts/run.log"; exit 1; }

(cd "$here/ajv" && npm ci --silent --no-audit --no-fund >/dev/null 2>&1)
ajv_json="$(node "$here/ajv/bench.js")"

node - "$artifacts" "$ajv_json" <<'JS'
const fs = require('fs');
const path = require('path');
const [dir, ajvJson] = process.argv.slice(2);
const results = path.join(dir, 'results');
const file = fs.readdirSync(results).find((f) => f.endsWith('.json'));
const report = JSON.parse(fs.readFileSync(path.join(results, file), 'utf8'));
const ajv = JSON.parse(ajvJson);
const rows = report.Benchmarks.map((b) => {
  const ours = b.Statistics.Mean;
  const theirs = ajv[b.Method];
  const allocated = b.Memory ? b.Memory.BytesAllocatedPerOperation : undefined;
  return { Method: b.Method, 'Airgate (ns)': ours.toFixed(0), 'ajv (ns)': theirs.toFixed(0),
    'ratio (Airgate/ajv)': (ours / theirs).toFixed(2), 'allocated (B/op)': allocated };
});
console.table(rows);
JS
