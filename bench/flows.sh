#!/usr/bin/env bash
# Benchmarks the national flow matrices: GET /flows?by=institution and ?by=campus, REQUESTS (default 200) each,
# after a warm-up, against the API in Release on a populated database (geography and counts, e.g. after
# `Verzuim.Hotspot.Import setup`). Server-side time is what ASP.NET Core's hosting log reports per request
# ("Request finished ... in N ms": routing, handler and writing the body); client time (curl) is printed beside it.
# Usage: ConnectionStrings__Hotspot="Host=...;Database=..." bench/flows.sh   [BENCH_PORT=5191] [REQUESTS=200]
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO_ROOT"

: "${ConnectionStrings__Hotspot:?set ConnectionStrings__Hotspot to a database with geography and counts}"
PORT="${BENCH_PORT:-5191}"
REQUESTS="${REQUESTS:-200}"
WARMUP="${WARMUP:-100}"   # enough for tiered JIT to settle on 2 cores
TARGET_MS="${TARGET_MS:-20}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "building (Release)" >&2
dotnet build src/Verzuim.Hotspot.Api -c Release -v quiet -nologo -clp:ErrorsOnly > /dev/null

# Only the hosting log at Information: one "Request finished" line per request, nothing else to slow the server.
# env, not shell assignments: the category name has dots. env execs dotnet, so $! is the API itself.
env Logging__LogLevel__Default=Warning \
  'Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Information' \
  Logging__Console__FormatterName=simple \
  Logging__Console__FormatterOptions__SingleLine=true \
  ASPNETCORE_ENVIRONMENT=Production \
  dotnet artifacts/bin/Verzuim.Hotspot.Api/release/Verzuim.Hotspot.Api.dll \
  --urls "$BASE" --contentRoot "$REPO_ROOT/src/Verzuim.Hotspot.Api" >> "$WORK/api.log" 2>&1 &
API_PID=$!
trap 'kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

for _ in $(seq 1 60); do
  curl -fsS "$BASE/health/live" > /dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$BASE/health/live" > /dev/null || { cat "$WORK/api.log" >&2; echo "API did not start" >&2; exit 1; }

# Nearest-rank percentile of the numbers on stdin.
percentile() { sort -n | awk -v p="$1" '{ v[NR] = $1 } END { i = int((p / 100) * NR + 0.999999); if (i < 1) i = 1; printf "%.2f", v[i] }'; }

declare -A P50
printf '%-14s %8s %9s %9s %13s %13s %10s %12s\n' variant requests p50_ms p95_ms client_p50_ms client_p95_ms bytes cold_ms
for by in institution campus; do
  path="/flows?by=$by"
  # The first request builds the matrix in PostGIS (cache miss); later ones are served from the cache.
  : > "$WORK/api.log"
  curl -fsS -o /dev/null "$BASE$path"
  sleep 0.5
  cold=$(grep -aF "Request finished" "$WORK/api.log" | grep -F "by=$by " | sed -E 's/.* ([0-9.]+)ms$/\1/' | head -n 1)
  for _ in $(seq 1 "$WARMUP"); do curl -fsS -o /dev/null "$BASE$path"; done
  : > "$WORK/api.log"   # truncate: count only the measured requests (the log is opened for append, so this is safe)
  : > "$WORK/client.txt"
  for _ in $(seq 1 "$REQUESTS"); do
    curl -fsS -o /dev/null -w '%{time_total} %{size_download}\n' "$BASE$path" >> "$WORK/client.txt"
  done
  sleep 0.5   # let the logger flush
  grep -aF "Request finished" "$WORK/api.log" | grep -F "by=$by " | sed -E 's/.* ([0-9.]+)ms$/\1/' > "$WORK/server.txt"
  measured=$(wc -l < "$WORK/server.txt")
  [ "$measured" -eq "$REQUESTS" ] || { echo "expected $REQUESTS server timings for $by, found $measured" >&2; exit 1; }
  p50=$(percentile 50 < "$WORK/server.txt")
  p95=$(percentile 95 < "$WORK/server.txt")
  c50=$(awk '{ print $1 * 1000 }' "$WORK/client.txt" | percentile 50)
  c95=$(awk '{ print $1 * 1000 }' "$WORK/client.txt" | percentile 95)
  bytes=$(awk 'NR == 1 { print $2 }' "$WORK/client.txt")
  P50[$by]=$p50
  printf '%-14s %8d %9s %9s %13s %13s %10s %12s\n' "$by" "$REQUESTS" "$p50" "$p95" "$c50" "$c95" "$bytes" "$cold"
done
awk -v p="${P50[institution]}" -v t="$TARGET_MS" 'BEGIN { printf "by=institution p50 / target (%s ms) = %.2f (below 1 meets the target)\n", t, p / t }'
