#!/usr/bin/env bash
# Load benchmark: the requests a map viewer and coordinators make, mixed, at 200 connections, against
#   api     our API (Release build, one instance), with Accept-Encoding: gzip;
#   static  lighttpd serving the very same answers' gzip bytes from disk: the floor on this machine.
# The mix: the RMC regions and the institutions of a region, agenda partners and agenda tables, municipality and
# RMC items, two tiles, a postcode and a campus lookup, /hotspots?level=municipality and /outliers?level=institution.
# Each is asked once before the run (the API's answers are then warm, as after the eager computation of an import),
# then each server gets the mix for a warm-up (LOAD_WARMUP_SECONDS, default 15) that is not measured: .NET compiles its
# hot paths again with tiered, profile-guided JIT in the first seconds under load, which a measured run should not
# include, since a service in production runs for days. Then the two take turns in LOAD_ROUNDS rounds (default 6), so
# that both meet the same background load of a shared machine.
# Usage: ConnectionStrings__Hotspot=<database with geography and counts> bench/load.sh [seconds, default 60] [connections, default 200]
# Installs wrk and lighttpd (Debian packages) when they are missing and we are root.
# Prints req/s, p50, p99, errors and timeouts (over 20 s) per server and the api/static throughput ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
duration="${1:-60}"
connections="${2:-200}"
threads=2
timeout=20
warmup="${LOAD_WARMUP_SECONDS:-15}"

[ -n "${ConnectionStrings__Hotspot:-}" ] || { echo "set ConnectionStrings__Hotspot to a database with the geography and counts loaded" >&2; exit 1; }
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v lighttpd >/dev/null || missing+=(lighttpd)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "missing: ${missing[*]} (apt-get install -y ${missing[*]})" >&2; exit 1; }
  echo "installing ${missing[*]}" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi

work="$(mktemp -d)"
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ ! -f "$work/lighttpd.pid" ] || kill "$(cat "$work/lighttpd.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  for candidate in $(shuf -i 20000-45000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return; fi
  done
  return 1
}
wait_for() { for _ in $(seq 1 120); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return 0; sleep 0.5; done; echo "no answer from $1" >&2; return 1; }

echo "building the API (Release)" >&2
dotnet build src/Verzuim.Hotspot.Api -c Release -v quiet -nologo -clp:ErrorsOnly >&2
api_port=$(free_port)
# wrk is 200 viewers from one address: lift the per-client limit, which would otherwise measure itself.
(cd artifacts/bin/Verzuim.Hotspot.Api/release && exec env Logging__LogLevel__Default=Warning Auth__AnonymousPerSecond=1000000 \
  dotnet Verzuim.Hotspot.Api.dll --urls "http://127.0.0.1:$api_port" >"$work/api.log" 2>&1) &
pids+=($!)
api="http://127.0.0.1:$api_port"
wait_for "$api/health/ready"

# Real codes from the loaded data: the first institution with campuses, and one of its campuses.
brinvest=$(curl -s "$api/collections/campuses/items?limit=1&properties=brin" | grep -o '"id":"[0-9A-Z]\{6\}"' | head -n 1 | cut -d'"' -f4)
brin=${brinvest:0:4}
[ -n "$brin" ] || { echo "no campus found: is the geography loaded?" >&2; exit 1; }
paths=(
  "/rmc-regions"
  "/rmc-regions/MC21/institutions"
  "/institutions/$brin/agenda-partners"
  "/agenda-tables"
  "/collections/municipalities/items?limit=1000"
  "/collections/rmc-regions/items?limit=100"
  "/collections/municipalities/tiles/WebMercatorQuad/8/131/84"
  "/collections/postcode-areas/tiles/WebMercatorQuad/10/525/336"
  "/postcodes/1012AB"
  "/campuses/$brinvest"
  "/hotspots?level=municipality"
  "/outliers?level=institution"
)

# Warm the API, keep each answer's gzip bytes for the static server, and check every answer is a 200.
mkdir -p "$work/www"
total_bytes=0
for i in "${!paths[@]}"; do
  code=$(curl -s -H 'Accept-Encoding: gzip' -o "$work/www/a$i.gz" -w '%{http_code}' "$api${paths[$i]}")
  [ "$code" = 200 ] || { echo "${paths[$i]}: HTTP $code" >&2; exit 1; }
  bytes=$(stat -c %s "$work/www/a$i.gz")
  total_bytes=$((total_bytes + bytes))
  printf '  %-62s %8s bytes gzip\n' "${paths[$i]}" "$bytes" >&2
done
echo "  one round of the mix: ${#paths[@]} answers, $total_bytes bytes" >&2

static_port=$(free_port)
cat >"$work/lighttpd.conf" <<CONF
server.modules = ("mod_setenv")
server.document-root = "$work/www"
server.port = $static_port
server.bind = "127.0.0.1"
server.errorlog = "$work/lighttpd.log"
server.pid-file = "$work/lighttpd.pid"
server.max-connections = 1024
mimetype.assign = (".gz" => "application/json")
setenv.set-response-header = ("Content-Encoding" => "gzip")
CONF
lighttpd -f "$work/lighttpd.conf"
static="http://127.0.0.1:$static_port"
wait_for "$static/a0.gz"

# One wrk script per server: the mix round-robin, and one result line "rps p50_ms p99_ms errors timeouts".
mix_script() { # file prefix...
  local file="$1"; shift
  {
    echo "local paths = {"
    for p in "$@"; do printf '  "%s",\n' "$p"; done
    cat <<'LUA'
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Accept-Encoding"] = "gzip" })
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("%.1f %.1f %.1f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.connect + e.read + e.write + e.status, e.timeout))
end
LUA
  } >"$file"
}
mix_script "$work/api.lua" "${paths[@]}"
static_paths=()
for i in "${!paths[@]}"; do static_paths+=("/a$i.gz"); done
mix_script "$work/static.lua" "${static_paths[@]}"

# The machine is shared: other work comes and goes by the minute. So the two servers take turns in rounds (api, static,
# api, ...), each round a slice of the duration, and both meet the same background. req/s is all requests over all
# measured time; p50 is the middle round's, p99 the worst round's (a bound, not a merge).
rounds="${LOAD_ROUNDS:-6}"
slice=$(( duration / rounds ))
[ "$slice" -ge 1 ] || { echo "duration must be at least $rounds s (one per round)" >&2; exit 1; }
echo "running: $duration s each in $rounds rounds of $slice s, after a $warmup s warm-up each, $connections connections, $threads wrk threads, $(nproc) cores" >&2
warm() { [ "$warmup" -eq 0 ] || wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout "${timeout}s" -s "$1" "$2" >/dev/null; }
one() { wrk -t"$threads" -c"$connections" -d"${slice}s" --timeout "${timeout}s" -s "$1" "$2" | tail -n 1; }
warm "$work/api.lua" "$api"
warm "$work/static.lua" "$static"
: >"$work/api.rounds"; : >"$work/static.rounds"
for _ in $(seq 1 "$rounds"); do
  one "$work/api.lua" "$api" >>"$work/api.rounds"
  one "$work/static.lua" "$static" >>"$work/static.rounds"
done
summary() { # rounds file -> "rps p50 p99 errors timeouts"
  sort -k2,2n "$1" | awk -v n="$rounds" '
    { rps += $1; p50[NR] = $2; if ($3 > p99) p99 = $3; errors += $4; timeouts += $5 }
    END { printf "%.1f %.1f %.1f %d %d\n", rps / n, p50[int((n + 1) / 2)], p99, errors, timeouts }'
}
read -r api_rps api_p50 api_p99 api_errors api_timeouts <<<"$(summary "$work/api.rounds")"
read -r st_rps st_p50 st_p99 st_errors st_timeouts <<<"$(summary "$work/static.rounds")"
paste -d' ' "$work/api.rounds" "$work/static.rounds" | awk '{ printf "  round %d: api %.1f req/s, static %.1f req/s, ratio %.2f\n", NR, $1, $6, $1 / $6 }' >&2

printf '\n%-8s %10s %10s %10s %8s %9s\n' "server" "req/s" "p50 ms" "p99 ms" "errors" "timeouts"
printf '%-8s %10s %10s %10s %8s %9s\n' "api" "$api_rps" "$api_p50" "$api_p99" "$api_errors" "$api_timeouts"
printf '%-8s %10s %10s %10s %8s %9s\n' "static" "$st_rps" "$st_p50" "$st_p99" "$st_errors" "$st_timeouts"
echo
echo "api/static throughput $(awk -v a="$api_rps" -v b="$st_rps" 'BEGIN { printf "%.2f", a / b }') (target >= 0.5);" \
  "api: $api_errors errors, $api_timeouts timeouts (target 0), p99 $api_p99 ms (target < 500)"
