#!/usr/bin/env bash
# Six `airgate registry check` at once over a sarek-like registry while every core is busy, some rounds in a row;
# prints how many of the runs refused the profile (exit code not 0). A verdict must not depend on machine load: the
# figure to read is refusals, which must be 0 whatever the load.
#   bash bench/registry-check/under-load.sh <airgate.dll> [rounds]
set -euo pipefail
dll=${1:?usage: under-load.sh <airgate.dll> [rounds]}
rounds=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
registry=$(mktemp -d)
trap 'kill "${burners[@]}" 2>/dev/null || true; rm -rf "$registry"' EXIT
mkdir -p "$registry/pipelines/sarek" "$registry/workflows"
cp "$here/../../tests/Airgate.Core.Tests/Registry/Nextflow/sarek_like_schema.json" "$registry/pipelines/sarek/nextflow_schema.json"
echo '{"id": "nfcore_sarek-3.10.0", "name": "nfcore_sarek", "version": "3.10.0", "type": "nextflow", "parameters_schema_file": "nextflow_schema.json"}' > "$registry/pipelines/sarek/sarek.json"
echo '{"dag_id": "nfcore_sarek", "pipelines": ["nfcore_sarek-3.10.0"]}' > "$registry/workflows/sarek.json"

burners=()
for _ in $(seq $(( $(nproc) * 2 ))); do (while :; do :; done) & burners+=($!); done

runs=0 refused=0
for round in $(seq "$rounds"); do
  pids=()
  for i in $(seq 6); do
    dotnet "$dll" registry check "$registry" > "$registry/out.$round.$i" 2>&1 & pids+=($!)
  done
  for i in "${!pids[@]}"; do
    runs=$((runs + 1))
    if ! wait "${pids[$i]}"; then
      refused=$((refused + 1))
      grep -m1 -E 'error|warning' "$registry/out.$round.$((i + 1))" || true
    fi
  done
done
echo "registry check under load: $refused of $runs runs refused the profile (load average $(cut -d' ' -f1 /proc/loadavg))"
