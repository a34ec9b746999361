#!/usr/bin/env bash
# Map layers benchmark, one run, three servers of the same PostGIS table:
#   api        our OGC API (Release build), measured with wrk; tiles also from a second instance without its tile cache;
#   floor      the same answer built by one plain SQL query (ST_AsGeoJSON + json_agg / ST_AsMVT), timed with pgbench;
#   mapserver  MapServer 8 (Debian cgi-mapserver, FastCGI under lighttpd) through its OGC API and MVT tile mode,
#              when mapserv and lighttpd are installed (apt-get install -y cgi-mapserver lighttpd); skipped otherwise.
# Two requests: municipalities items (limit=1000: all 342 features) and a z8 vector tile over Amsterdam.
# Usage: ConnectionStrings__Hotspot=<database with the geography loaded> bench/layers.sh [seconds per run, default 15]
# Needs wrk (apt-get install -y wrk) and pgbench. Prints requests/s, p95 latency and the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO_ROOT="$(pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
duration="${1:-15}"
connections=8
threads=2

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

# wrk prints one line: requests/s and p95 in ms (wrk's --latency shows no p95).
cat >"$work/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format("%.1f %.1f %d\n", summary.requests / (summary.duration / 1e6), latency:percentile(95) / 1000, errors))
end
LUA
http_run() { # url -> "rps p95_ms errors"
  curl -s -o /dev/null "$1"
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

year=2025
# The floor reads what the geography load stored for the layers, as the API does: full detail already in WGS84
# (right-hand rule) for items, and the z8 band already simplified and in Web Mercator for the tile.
cat >"$work/floor-items.sql" <<SQL
select json_build_object('type', 'FeatureCollection', 'features', json_agg(json_build_object(
  'type', 'Feature', 'id', m.code,
  'geometry', ST_AsGeoJSON(g.wgs84, 6)::json,
  'properties', json_build_object('municipality', m.code, 'name', m.name, 'rmc', m.rmc_code, 'population', m.population))
  order by m.code))::text
from municipalities m join generalised_areas g on g.classification_year = m.classification_year and g.layer = 'municipalities'
  and g.band = 99 and g.code = m.code::text
where m.classification_year = $year;
SQL
# z8 tile 131/84 holds Amsterdam.
cat >"$work/floor-tile.sql" <<SQL
select ST_AsMVT(q, 'municipalities', 4096, 'geom') from (
  select m.code as id, m.code as municipality, m.name, m.rmc_code as rmc, m.population,
         ST_AsMVTGeom(g.mercator, ST_TileEnvelope(8, 131, 84), 4096, 64, true) as geom
  from municipalities m join generalised_areas g on g.classification_year = m.classification_year and g.layer = 'municipalities'
    and g.band = 8 and g.code = m.code::text
  where m.classification_year = $year and g.mercator && ST_TileEnvelope(8, 131, 84, margin => 64.0 / 4096)
) q where q.geom is not null;
SQL

echo "building the API (Release)" >&2
dotnet build src/Verzuim.Hotspot.Api -c Release -v quiet -nologo -clp:ErrorsOnly >&2
api_port=$(free_port)
(cd artifacts/bin/Verzuim.Hotspot.Api/release && exec env Logging__LogLevel__Default=Warning Auth__AnonymousPerSecond=1000000 \
  dotnet Verzuim.Hotspot.Api.dll --urls "http://127.0.0.1:$api_port" >"$work/api.log" 2>&1) &
pids+=($!)
api="http://127.0.0.1:$api_port"
wait_for "$api/conformance"
# A second instance without the tile and output caches, so the figures show building a tile or page as well as
# serving a built one.
cold_port=$(free_port)
(cd artifacts/bin/Verzuim.Hotspot.Api/release && exec env Logging__LogLevel__Default=Warning Auth__AnonymousPerSecond=1000000 Layers__TileCacheMegabytes=0 Caching__OutputCache=false \
  dotnet Verzuim.Hotspot.Api.dll --urls "http://127.0.0.1:$cold_port" >"$work/api-cold.log" 2>&1) &
pids+=($!)
wait_for "http://127.0.0.1:$cold_port/conformance"
api_items="$api/collections/municipalities/items?limit=1000&properties=municipality,name,rmc,population"
api_tile_uncached="http://127.0.0.1:$cold_port/collections/municipalities/tiles/WebMercatorQuad/8/131/84"
api_items_uncached="http://127.0.0.1:$cold_port/collections/municipalities/items?limit=1000&properties=municipality,name,rmc,population"
api_tile="$api/collections/municipalities/tiles/WebMercatorQuad/8/131/84"

ms_items="" ms_tile=""
if [ -x /usr/lib/cgi-bin/mapserv ] && command -v lighttpd >/dev/null; then
  ms_port=$(free_port)
  cat >"$work/bench.map" <<MAPFILE
MAP
  NAME "bench"
  EXTENT 0 300000 300000 650000
  PROJECTION "init=epsg:28992" END
  OUTPUTFORMAT
    NAME "mvt"
    DRIVER MVT
    FORMATOPTION "EXTENT=4096"
    FORMATOPTION "EDGE_BUFFER=64"
  END
  WEB
    METADATA
      "oga_enable_request" "*"
      "oga_onlineresource" "http://127.0.0.1:$ms_port/mapserv/bench/ogcapi"
      "ows_title" "bench"
      "ows_srs" "EPSG:28992 EPSG:4326"
      "oga_max_limit" "10000"
    END
  END
  LAYER
    NAME "municipalities"
    TYPE POLYGON
    STATUS ON
    TEMPLATE "void"
    CONNECTIONTYPE POSTGIS
    CONNECTION "host=$PGHOST port=$PGPORT user=$PGUSER dbname=$PGDATABASE${PGPASSWORD:+ password=$PGPASSWORD}"
    DATA "geometry from (select code, name, rmc_code, population, geometry from municipalities where classification_year = $year) as t using unique code using srid=28992"
    PROJECTION "init=epsg:28992" END
    METADATA
      "oga_title" "municipalities"
      "gml_include_items" "all"
      "gml_featureid" "code"
      "gml_types" "auto"
    END
  END
END
MAPFILE
  cat >"$work/mapserver.conf" <<CONF
CONFIG
  ENV
    MS_MAP_PATTERN "^$work/"
  END
  MAPS
    "bench" "$work/bench.map"
  END
END
CONF
  cat >"$work/lighttpd.conf" <<CONF
server.modules = ("mod_fastcgi")
server.document-root = "$work"
server.port = $ms_port
server.bind = "127.0.0.1"
server.errorlog = "$work/lighttpd.log"
server.pid-file = "$work/lighttpd.pid"
fastcgi.server = ( "/mapserv" => ((
  "bin-path" => "/usr/lib/cgi-bin/mapserv",
  "socket" => "$work/mapserv.sock",
  "max-procs" => $connections,
  "check-local" => "disable",
  "bin-environment" => ("MAPSERVER_CONFIG_FILE" => "$work/mapserver.conf")
)))
CONF
  lighttpd -f "$work/lighttpd.conf"
  ms="http://127.0.0.1:$ms_port/mapserv"
  ms_items="$ms/bench/ogcapi/collections/municipalities/items?f=json&limit=1000"
  ms_tile="$ms?map=$work/bench.map&mode=tile&tilemode=gmap&tile=131+84+8&layers=all&map.imagetype=mvt"
  wait_for "$ms_items"
else
  echo "MapServer skipped: /usr/lib/cgi-bin/mapserv or lighttpd missing (apt-get install -y cgi-mapserver lighttpd)" >&2
fi

features() { curl -s "$1" | grep -o '"type":"Feature"' | wc -l; }
echo "features per answer: api $(features "$api_items"), mapserver ${ms_items:+$(features "$ms_items")}; tile bytes: api $(curl -s "$api_tile" | wc -c), floor $(psql -Atc "select length(($(sed 's/;$//' "$work/floor-tile.sql")))"), mapserver ${ms_tile:+$(curl -s "$ms_tile" | wc -c)}" >&2
echo "running: $duration s each, $connections connections, $threads threads, $(nproc) cores" >&2

declare -A rps p95
record() { read -r rps[$1] p95[$1] _ <<<"$2"; }
record api-items "$(http_run "$api_items")"
record api-items-uncached "$(http_run "$api_items_uncached")"
record floor-items "$(sql_run "$work/floor-items.sql")"
record api-tile "$(http_run "$api_tile")"
record api-tile-uncached "$(http_run "$api_tile_uncached")"
record floor-tile "$(sql_run "$work/floor-tile.sql")"
if [ -n "$ms_items" ]; then
  record ms-items "$(http_run "$ms_items")"
  record ms-tile "$(http_run "$ms_tile")"
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
printf '\n%-28s %10s %10s\n' "target" "req/s" "p95 ms"
for key in api-items api-items-uncached floor-items ms-items api-tile api-tile-uncached floor-tile ms-tile; do
  [ -n "${rps[$key]:-}" ] && printf '%-28s %10s %10s\n' "$key" "${rps[$key]}" "${p95[$key]}"
done
echo
echo "items: api/floor throughput $(ratio "${rps[api-items]}" "${rps[floor-items]}") cached, $(ratio "${rps[api-items-uncached]}" "${rps[floor-items]}") uncached (target >= 0.67, i.e. within 1.5x of the floor)"
echo "tile:  api/floor throughput $(ratio "${rps[api-tile]}" "${rps[floor-tile]}") cached, $(ratio "${rps[api-tile-uncached]}" "${rps[floor-tile]}") uncached (target >= 0.67)"
if [ -n "$ms_items" ]; then
  echo "items: api/mapserver throughput $(ratio "${rps[api-items]}" "${rps[ms-items]}") cached, $(ratio "${rps[api-items-uncached]}" "${rps[ms-items]}") uncached (target >= 5)"
  echo "tile:  api/mapserver throughput $(ratio "${rps[api-tile]}" "${rps[ms-tile]}") cached, $(ratio "${rps[api-tile-uncached]}" "${rps[ms-tile]}") uncached (target >= 5)"
fi
