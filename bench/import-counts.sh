#!/usr/bin/env bash
# Benchmark: import the synthetic national counts with the project's importer (validation + binary COPY into a
# staging table + set-based replace) and compare with psql \copy of the same rows into the same staging table,
# in one run on one database. Prints rows/s of both and their ratio (target: the importer's validate-and-stage
# phase within 2x of \copy). Needs curl and python3.
# Usage: bench/import-counts.sh [runs]   (default 3; the best run of each counts)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/common.sh"
cd "$REPO_ROOT"
runs="${1:-3}"

connection="${ConnectionStrings__Hotspot:-}"
[ -n "$connection" ] || connection=$(scripts/db-up verzuim_bench)
export ConnectionStrings__Hotspot="$connection"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work="$REPO_ROOT/.run/bench"
mkdir -p "$work"
dotnet build src/Verzuim.Hotspot.Import -c Release -v quiet -nologo -clp:ErrorsOnly >&2
import_cli() { (cd artifacts/bin/Verzuim.Hotspot.Import/release && dotnet Verzuim.Hotspot.Import.dll "$@"); }

import_cli setup --geodata "$REPO_ROOT/geodata" --no-synthetic >/dev/null
import_cli generate-synthetic --geodata "$REPO_ROOT/geodata" --out "$work/national.csv" >/dev/null
rows=$(($(wc -l < "$work/national.csv") - 1))

# The same rows in the staging table's own column layout (brin+vestiging joined, postcode already PC4).
awk -F, 'NR > 1 { print $1 "," $2 $3 "," $4 "," $5 "," $6 "," $7 }' "$work/national.csv" > "$work/national.stage.csv"
db=$(printf '%s' "$ConnectionStrings__Hotspot" | sed -n 's/.*Database=\([^;]*\).*/\1/p')
host=$(printf '%s' "$ConnectionStrings__Hotspot" | sed -n 's/.*Host=\([^;]*\).*/\1/p')
port=$(printf '%s' "$ConnectionStrings__Hotspot" | sed -n 's/.*Port=\([^;]*\).*/\1/p')
psql_bench() { psql -X -q -h "$host" -p "${port:-5432}" -U postgres -d "$db" -v ON_ERROR_STOP=1 "$@"; }

# The importer runs inside the API (Release), warmed up by a first import, as a server runs it: POST the file, read
# the phase timings from the 201 summary. Best run by total time.
api_port="${BENCH_PORT:-18093}"
dotnet build src/Verzuim.Hotspot.Api -c Release -v quiet -nologo -clp:ErrorsOnly >&2
(cd artifacts/bin/Verzuim.Hotspot.Api/release && Auth__AdminApiKey=bench ASPNETCORE_URLS="http://127.0.0.1:$api_port" \
  Logging__LogLevel__Default=Warning exec dotnet Verzuim.Hotspot.Api.dll) > "$work/api.log" 2>&1 &
api=$!
trap 'kill $api 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$api_port/health/live" >/dev/null && break; sleep 1; done
post() {
  curl -sf -X POST "http://127.0.0.1:$api_port/imports/counts?dataset=bench&synthetic=true" -H 'X-Api-Key: bench' \
    -H 'Content-Type: text/csv' --data-binary @"$work/national.csv" \
    | python3 -c 'import json,sys; t=json.load(sys.stdin)["timings"]; print(t["totalSeconds"], t["validateAndStageSeconds"], t["replaceSeconds"])'
}
post >/dev/null # warm-up: JIT and caches
best=""
for i in $(seq 1 "$runs"); do
  read -r total stage replace <<< "$(post)"
  log "importer run $i: total $total s (validate and stage $stage s, replace $replace s)"
  best=$(printf '%s\n%s %s %s\n' "$best" "$total" "$stage" "$replace" | grep . | sort -g | head -n 1)
done
read -r best_import best_stage best_replace <<< "$best"

best_copy=""
for i in $(seq 1 "$runs"); do
  ms=$(psql_bench <<SQL | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n 1
create temp table stage_counts (school_year char(9) collate "C" not null, brin_vest char(6) collate "C" not null,
  pc4 char(4) collate "C" not null, age_band varchar(7) collate "C" not null, students int not null,
  absence_reports int not null, students_reported int);
\timing on
\copy stage_counts (school_year, brin_vest, pc4, age_band, students, absence_reports) from '$work/national.stage.csv' with (format csv)
SQL
)
  seconds=$(awk -v ms="$ms" 'BEGIN { printf "%.3f", ms / 1000 }')
  log "psql \\copy run $i: $seconds s"
  best_copy=$(printf '%s\n%s\n' "$best_copy" "$seconds" | grep . | sort -g | head -n 1)
done

awk -v rows="$rows" -v imp="$best_import" -v st="$best_stage" -v rp="$best_replace" -v cp="$best_copy" 'BEGIN {
  printf "rows: %d\n", rows
  printf "psql \\copy into the staging table:               %6.2f s  %9.0f rows/s\n", cp, rows / cp
  printf "importer, validate + binary COPY into staging:   %6.2f s  %9.0f rows/s  ratio to \\copy %.2fx (target <= 2x)\n", st, rows / st, st / cp
  printf "importer, replace (sum duplicates, swap years): %6.2f s\n", rp
  printf "importer, end to end:                            %6.2f s  %9.0f rows/s  ratio to \\copy %.2fx\n", imp, rows / imp, imp / cp
}'
