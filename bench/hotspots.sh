#!/usr/bin/env bash
# Benchmark of the hotspot statistics: Gi* with 999 permutations on all PC4 areas (target < 2 s), then the
# end-to-end GET /hotspots?level=pc4 (cold: contiguity built; warm: cached).
# Needs ConnectionStrings__Hotspot pointing at a database with the geography loaded (import `setup`);
# the synthetic national counts are imported on first use. Usage: bench/hotspots.sh [port]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${1:-5099}"
: "${ConnectionStrings__Hotspot:?set ConnectionStrings__Hotspot}"

dotnet build "$root/bench/Verzuim.Hotspot.Bench" -c Release -v quiet -nologo >/dev/null
dotnet build "$root/src/Verzuim.Hotspot.Api" -c Release -v quiet -nologo >/dev/null
echo "== statistics (in process)"
dotnet "$root/artifacts/bin/Verzuim.Hotspot.Bench/release/Verzuim.Hotspot.Bench.dll" "$root/geodata" || true

echo "== end to end: GET /hotspots?level=pc4"
dotnet "$root/artifacts/bin/Verzuim.Hotspot.Api/release/Verzuim.Hotspot.Api.dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
api=$!
trap 'kill "$api" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
url="http://127.0.0.1:$port/hotspots?level=pc4"
for run in cold warm warm; do
  curl -fs -o /dev/null -w "$run: %{time_total} s, %{size_download} bytes\n" "$url"
done
curl -fs -o /dev/null -w "warm, permutations=0: %{time_total} s\n" "$url&permutations=0"
curl -fs -o /dev/null -w "warm, level=municipality: %{time_total} s\n" "http://127.0.0.1:$port/hotspots?level=municipality"
