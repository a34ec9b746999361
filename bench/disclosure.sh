#!/usr/bin/env bash
# Disclosure control on the synthetic national set: protection time per school year (target < 30 s on this machine),
# the intruder audit of the result and of the old line heuristic, and the information loss of both (students and
# cells hidden by secondary suppression, largest hidden cell; target at most 1% of each table's students), in one run.
# The database needs the geography; the national counts are imported first when it has none.
# Usage: ConnectionStrings__Hotspot="Host=...;Database=..." bench/disclosure.sh
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO_ROOT"
: "${ConnectionStrings__Hotspot:?set ConnectionStrings__Hotspot to a database with the geography loaded}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Verzuim.Hotspot.Bench -c Release -v quiet -nologo -clp:ErrorsOnly > /dev/null
dotnet artifacts/bin/Verzuim.Hotspot.Bench/release/Verzuim.Hotspot.Bench.dll disclosure geodata
