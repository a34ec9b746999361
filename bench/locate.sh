#!/usr/bin/env bash
# Point lookup and bbox benchmark, one run on one PostGIS database:
#   locate     GET /locate (Release build, wrk) against its floor: the same two ST_Covers lookups as one SQL
#              statement with the RD point already known (pgbench);
#   bbox       the items bbox filter on pc4_areas as SQL, in the form the API sends now (the box transformed in C#,
#              so the stored geometry meets && on an RD envelope plus ST_Intersects with an RD polygon) against the
#              former form (ST_Transform(ST_Segmentize(box, 0.01), 28992) inside the query); both pgbench.
# Usage: ConnectionStrings__Hotspot=<database with the geography loaded> bench/locate.sh [seconds per run, default 15]
# Needs wrk (apt-get install -y wrk) and pgbench. Prints requests/s, p95 latency and the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
duration="${1:-15}"
connections=8
threads=2
year=2025

[ -n "${ConnectionStrings__Hotspot:-}" ] || { echo "set ConnectionStrings__Hotspot to a database with the geography loaded" >&2; exit 1; }
for tool in wrk pgbench psql curl; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done

setting() { printf '%s' "$ConnectionStrings__Hotspot" | tr ';' '\n' | sed -n "s/^ *$1 *= *//Ip" | head -n 1; }
export PGHOST="$(setting Host)" PGPORT="$(setting Port)" PGUSER="$(setting 'User\(name\| Id\)')" PGDATABASE="$(setting Database)"
password="$(setting Password)"
[ -z "$password" ] || export PGPASSWORD="$password"

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
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

cat >"$work/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format("%.1f %.1f %d\n", summary.requests / (summary.duration / 1e6), latency:percentile(95) / 1000, errors))
end
LUA
http_run() { # url -> "rps p95_ms errors"
  # A short unmeasured run first: JIT tiering, EF Core's query cache and the per-thread transforms warm up there.
  wrk -t"$threads" -c"$connections" -d3s "$1" >/dev/null
  wrk -t"$threads" -c"$connections" -d"${duration}s" -s "$work/p95.lua" "$1" | tail -n 1
}
sql_run() { # sql file -> "tps p95_ms errors"
  rm -f "$work"/pgb*
  local out
  out=$(cd "$work" && pgbench -n -f "$1" -c "$connections" -j "$threads" -T "$duration" -l --log-prefix=pgb 2>&1)
  local tps p95
  tps=$(printf '%s\n' "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
  p95=$(cat "$work"/pgb* | awk '{print $3}' | sort -n | awk '{v[NR]=$1} END {i=int(NR*0.95); if (i<1) i=1; printf "%.1f", v[i]/1000}')
  printf '%.1f %s 0\n' "$tps" "$p95"
}

echo "building the API (Release)" >&2
dotnet build src/Verzuim.Hotspot.Api -c Release -v quiet -nologo -clp:ErrorsOnly >&2
api_port=$(free_port)
(cd artifacts/bin/Verzuim.Hotspot.Api/release && exec env Logging__LogLevel__Default=Warning \
  dotnet Verzuim.Hotspot.Api.dll --urls "http://127.0.0.1:$api_port" >"$work/api.log" 2>&1) &
pids+=($!)
api="http://127.0.0.1:$api_port"
wait_for "$api/conformance"

# The Dam in Amsterdam; the floor gets the RD point the API computes, so both look up the same point.
lon=4.8932 lat=52.3731
api_locate="$api/locate?lon=$lon&lat=$lat"
# The answer has no final newline, so read it whole before splitting.
point=$(curl -s "$api_locate" | sed -n 's/.*"x":\([0-9.]*\),"y":\([0-9.]*\).*/\1 \2/p')
read -r x y <<<"$point"
[ -n "${x:-}" ] || { echo "no point in the /locate answer" >&2; exit 1; }
cat >"$work/floor-locate.sql" <<SQL
select m.code, m.name, r.code, r.name,
       (select p.code from pc4_areas p where p.classification_year = $year and p.geometry is not null
          and ST_Covers(p.geometry, ST_SetSRID(ST_MakePoint($x, $y), 28992)) order by p.code limit 1)
from municipalities m join rmc_regions r on r.classification_year = m.classification_year and r.code = m.rmc_code
where m.classification_year = $year and ST_Covers(m.geometry, ST_SetSRID(ST_MakePoint($x, $y), 28992))
order by m.code limit 1;
SQL

# A box over Utrecht and its surroundings (lon/lat). The new form's polygon is what the API sends as a parameter: the
# box densified and transformed point by point; PostGIS builds the same polygon here once, outside the timed query.
box="5.0, 52.0, 5.2, 52.1"
read -r area x0 y0 x1 y1 < <(psql -AtF ' ' -c "select encode(ST_AsEWKB(g), 'hex'), ST_XMin(g), ST_YMin(g), ST_XMax(g), ST_YMax(g)
  from (select ST_Transform(ST_Segmentize(ST_MakeEnvelope($box, 4326), 0.01), 28992) as g) t")
cat >"$work/bbox-now.sql" <<SQL
select count(*) from pc4_areas p
where p.classification_year = $year and p.geometry && ST_MakeEnvelope($x0, $y0, $x1, $y1, 28992)
  and ST_Intersects(p.geometry, '$area'::geometry);
SQL
cat >"$work/bbox-before.sql" <<SQL
select count(*) from (select ST_Transform(ST_Segmentize(ST_MakeEnvelope($box, 4326), 0.01), 28992) as env) as q_bbox
cross join pc4_areas p
where p.classification_year = $year and p.geometry && q_bbox.env and ST_Intersects(p.geometry, q_bbox.env);
SQL
now=$(psql -Atf "$work/bbox-now.sql") before=$(psql -Atf "$work/bbox-before.sql")
[ "$now" = "$before" ] || { echo "the two bbox forms disagree: $now vs $before PC4 areas" >&2; exit 1; }
echo "locate: RD point $x, $y; bbox: $now PC4 areas in both forms" >&2
echo "running: $duration s each, $connections connections, $threads threads, $(nproc) cores" >&2

declare -A rps p95
record() { read -r rps[$1] p95[$1] _ <<<"$2"; }
record api-locate "$(http_run "$api_locate")"
record floor-locate "$(sql_run "$work/floor-locate.sql")"
record bbox-now "$(sql_run "$work/bbox-now.sql")"
record bbox-before "$(sql_run "$work/bbox-before.sql")"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
printf '\n%-16s %10s %10s\n' "target" "req/s" "p95 ms"
for key in api-locate floor-locate bbox-now bbox-before; do
  printf '%-16s %10s %10s\n' "$key" "${rps[$key]}" "${p95[$key]}"
done
echo
echo "locate: api/floor throughput $(ratio "${rps[api-locate]}" "${rps[floor-locate]}")"
echo "bbox:   now/before throughput $(ratio "${rps[bbox-now]}" "${rps[bbox-before]}") (the SQL the items endpoint sends)"
