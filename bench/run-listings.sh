#!/usr/bin/env bash
# Every listing filter over 1,000,000 runs on PostgreSQL: p50 and p99 of the store's listing (a page of 100 and its
# exact total, the SQL behind GET /workflows/{dag_id or ~}/runs) beside the direct SQL COUNT(*) of the same filter,
# sampled alternately in one run; prints a Markdown table. No Airflow or gateway process is started.
# Usage: bash bench/run-listings.sh   (needs the .NET SDK and a PostgreSQL server with pg_trgm: AIRGATE_BENCH_POSTGRES,
# default Host=127.0.0.1;Port=5432;Username=airgate;Password=airgate;Database=postgres).
# BENCH_LISTING_RUNS (1000000) rows, BENCH_LISTING_SAMPLES (100) per filter and side; try BENCH_LISTING_RUNS=10000 first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_PARTS=listings dotnet run -c Release -p:AirgateBuildUi=false --project "$here/Airgate.Gateway.Bench"
