# Shared settings for the scripts in this folder. Sourced, never run.
# Everything here can be overridden from the environment.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PGPORT="${VERZUIM_PGPORT:-55432}"
PGDATA_DIR="${VERZUIM_PGDATA:-$REPO_ROOT/.pgdata}"
PGHOST_ADDR=127.0.0.1

log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Runs a command as the postgres OS user when we are root (PostgreSQL refuses to run as root);
# as ourselves otherwise.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || return 1
  printf '%s\n' "$dir"
}

connection_string() {
  local db="$1"
  printf 'Host=%s;Port=%s;Username=postgres;Database=%s;Include Error Detail=true\n' "$PGHOST_ADDR" "$PGPORT" "$db"
}
