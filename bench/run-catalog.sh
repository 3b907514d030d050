#!/usr/bin/env bash
# Catalog benchmark: warm GET /workflows and /workflows/{id}/tasks through Airgate against the same reads straight
# from an emulated Airflow answering in 20 ms, in one run; Airflow calls per gateway request; bytes per 200 and 304.
# Usage: bash bench/run-catalog.sh [requests-through-gateway]   (uses port 5189)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet run -c Release --project "$here/Airgate.Catalog.Bench" -- "$@"
