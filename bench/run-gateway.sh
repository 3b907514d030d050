#!/usr/bin/env bash
# The gateway benchmark: builds Airgate, runs `airgate emulator` and gateways (SQLite, PostgreSQL) as separate
# processes on ports 5100-5103, and prints a Markdown table of the figures (ratios measured in this one run).
# Usage: bash bench/run-gateway.sh   (needs the .NET SDK and a PostgreSQL server: AIRGATE_BENCH_POSTGRES, default
# Host=127.0.0.1;Port=5432;Username=airgate;Password=airgate;Database=postgres). BENCH_SECONDS per measure (3).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet build "$here/../src/Airgate" -c Release >/dev/null
dotnet run -c Release --project "$here/Airgate.Gateway.Bench"
