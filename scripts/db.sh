#!/usr/bin/env bash
# Starts (or reuses) a project-local PostgreSQL cluster and prints its connection string.
# Skipped entirely when CATALOGHUB_DB is set: then that connection string is used as is.
#   scripts/db.sh start [database]   -> prints the connection string of that database (created if missing)
#   scripts/db.sh stop | clean
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${CATALOGHUB_PG_PORT:-55432}
DATA="$ROOT/.local/pgdata"
SOCK="$ROOT/.local/pgsock"
LOG="$ROOT/.local/postgres.log"

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

ensure_installed() {
  if ! find_bin >/dev/null; then
    echo "PostgreSQL not found: installing Debian's postgresql package" >&2
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
  fi
}

# initdb refuses to run as root, so as root the cluster belongs to the 'postgres' system user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}

start() {
  local db=${1:-cataloghub}
  ensure_installed
  local bin; bin=$(find_bin)
  mkdir -p "$ROOT/.local" "$SOCK"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$ROOT/.local" "$SOCK"; fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    as_owner "'$bin/initdb' -D '$DATA' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >'$ROOT/.local/initdb.log' 2>&1"
  fi
  if ! as_owner "'$bin/pg_ctl' -D '$DATA' status" >/dev/null 2>&1; then
    as_owner "'$bin/pg_ctl' -D '$DATA' -l '$LOG' -w -t 60 -o \"-p $PORT -k '$SOCK' -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=${CATALOGHUB_PG_FSYNC:-on}\" start" >&2
  fi
  if ! "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "select 1 from pg_database where datname='$db'" postgres | grep -q 1; then
    "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "create database \"$db\"" postgres >&2
  fi
  echo "Host=127.0.0.1;Port=$PORT;Username=postgres;Database=$db;Maximum Pool Size=100"
}

stop() {
  local bin; bin=$(find_bin) || return 0
  [ -f "$DATA/PG_VERSION" ] || return 0
  as_owner "'$bin/pg_ctl' -D '$DATA' status" >/dev/null 2>&1 || return 0
  as_owner "'$bin/pg_ctl' -D '$DATA' -m fast -w stop" >&2
}

case "${1:-start}" in
  start) shift || true; start "$@" ;;
  stop) stop ;;
  clean) stop; rm -rf "$ROOT/.local" ;;
  *) echo "usage: $0 start [db] | stop | clean" >&2; exit 2 ;;
esac
