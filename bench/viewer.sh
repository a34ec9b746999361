#!/usr/bin/env bash
# Page-load benchmark of the viewer: time to the map's first 'idle' for the institution view on the national
# synthetic set, over loopback, in Debian's chromium (target < 2 s). Also prints the JS and CSS the page loads,
# raw and gzipped. Needs ConnectionStrings__Hotspot pointing at a database; `setup` loads the geography and the
# synthetic counts when missing. Usage: bench/viewer.sh [BRIN, default 25LX] [runs, default 7]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
brin="${1:-25LX}"
runs="${2:-7}"
: "${ConnectionStrings__Hotspot:?set ConnectionStrings__Hotspot}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v chromium >/dev/null || { echo "chromium is missing (apt-get install -y chromium)" >&2; exit 1; }

"$root/scripts/viewer-build"
dotnet build "$root/Verzuim.Hotspot.sln" -c Release -v quiet -nologo >/dev/null
(cd "$root/artifacts/bin/Verzuim.Hotspot.Import/release" && dotnet Verzuim.Hotspot.Import.dll setup --geodata "$root/geodata" --work "$(mktemp -d)" >/dev/null)

echo "== what the viewer loads (viewer/dist/assets)"
for f in "$root"/viewer/dist/assets/*.js "$root"/viewer/dist/assets/*.css; do
  printf '%-28s %8d bytes, gzip -9: %8d bytes\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done

port=$(for p in $(shuf -i 20000-45000 -n 50); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; break; }; done)
Viewer__DistPath="$root/viewer/dist" Geography__GeodataPath="$root/geodata" \
  dotnet "$root/artifacts/bin/Verzuim.Hotspot.Api/release/Verzuim.Hotspot.Api.dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
api=$!
trap 'kill "$api" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done

echo "== institution view ($brin), $(nproc) cores"
dotnet "$root/artifacts/bin/Verzuim.Hotspot.ViewerBench/release/Verzuim.Hotspot.ViewerBench.dll" "http://127.0.0.1:$port/viewer/?unit=$brin" "$runs"
