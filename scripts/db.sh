#!/usr/bin/env bash
# Starts (or reuses) a project-local PostgreSQL cluster and prints its connection string.
# The callers skip it when CATALOGHUB_DB is set: then that connection string is used as is.
#   scripts/db.sh start [database]   -> prints the connection string of that database (created if missing)
#   scripts/db.sh stop | clean | where
#
# Where the cluster lives: .local/ of this clone when its owner can reach it (you; or, as root, the
# 'postgres' user, since initdb refuses root), else /var/lib/postgresql/cataloghub-<hash of the clone's path>/
# (a clone under /root, say). Its port: CATALOGHUB_PG_PORT when set, else the one it was first started on,
# else the first free one from 55432 up — so two clones run side by side on ports of their own.
# Any failure ends with one line "scripts/db.sh: ..." on stderr and exit status 1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
FIRST_PORT=55432

die() { echo "scripts/db.sh: $*" >&2; exit 1; }

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -Vr); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/psql" ] && { echo "$d"; return 0; }
  done
  return 1
}

ensure_installed() {
  find_bin >/dev/null && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  command -v apt-get >/dev/null && { [ -z "$sudo" ] || command -v sudo >/dev/null; } \
    || die "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin) and cannot be installed here without apt-get${sudo:+ and sudo}; install PostgreSQL 15 or later, or set CATALOGHUB_DB to the connection string of a server of yours."
  echo "PostgreSQL not found: installing Debian's postgresql package" >&2
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql; } >&2 \
    || die "installing PostgreSQL with apt-get failed (see above); install PostgreSQL 15 or later, or set CATALOGHUB_DB."
  find_bin >/dev/null || die "apt-get installed postgresql but no initdb is under /usr/lib/postgresql/*/bin."
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# As root the cluster belongs to the 'postgres' system user; its commands run from / so that a
# working directory it may not enter (a clone under /root) does not matter.
as_owner() {
  if is_root; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    su postgres -s /bin/sh -c "cd / && $*"
  else
    sh -c "$*"
  fi
}

# The cluster's home: this clone's .local/ when the owner can reach it, else a folder of the postgres user.
home_in_clone() { echo "$ROOT/.local"; }
home_outside() { echo "/var/lib/postgresql/cataloghub-$(printf %s "$ROOT" | sha256sum | cut -c1-12)"; }
pick_home() {
  if ! is_root || [ -f "$(home_in_clone)/pgdata/PG_VERSION" ]; then home_in_clone; return; fi
  [ -f "$(home_outside)/pgdata/PG_VERSION" ] && { home_outside; return; }
  if su postgres -s /bin/sh -c "cd / && test -x '$ROOT' && test -r '$ROOT'" 2>/dev/null; then home_in_clone; else home_outside; fi
}

port_in_use() { (: >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The port of a running cluster is the one in its postmaster.pid (line 4).
running_port() { sed -n 4p "$1/pgdata/postmaster.pid" 2>/dev/null; }

choose_port() {
  local home=$1 p
  if [ -n "${CATALOGHUB_PG_PORT:-}" ]; then
    port_in_use "$CATALOGHUB_PG_PORT" \
      && die "port $CATALOGHUB_PG_PORT (CATALOGHUB_PG_PORT) is already in use by another program; choose a free port."
    echo "$CATALOGHUB_PG_PORT"; return
  fi
  if p=$(cat "$home/port" 2>/dev/null) && ! port_in_use "$p"; then echo "$p"; return; fi
  for p in $(seq "$FIRST_PORT" $((FIRST_PORT + 99))); do
    port_in_use "$p" || { echo "$p"; return; }
  done
  die "no free port in $FIRST_PORT-$((FIRST_PORT + 99)); set CATALOGHUB_PG_PORT to a free port."
}

# The gist of a log for the one-line message: its last errors since byte $2, else its last lines.
gist() {
  local text; text=$(tail -c +$(( ${2:-0} + 1 )) "$1" 2>/dev/null) || true
  { grep -E 'FATAL|PANIC|ERROR|error:' <<<"$text" || tail -n 3 <<<"$text"; } | tail -n 2 | tr '\n' ' '
}

start() {
  local db=${1:-cataloghub}
  ensure_installed
  local bin home data sock log port
  bin=$(find_bin)
  home=$(pick_home); data="$home/pgdata"; sock="$home/pgsock"; log="$home/postgres.log"
  mkdir -p "$ROOT/.local" "$home" "$sock" || die "cannot create $home."
  if is_root; then chown postgres "$home" "$sock" || die "cannot give $home to the postgres user."; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    as_owner "'$bin/initdb' -D '$data' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >'$home/initdb.log' 2>&1" \
      || die "initdb failed for $data: $(gist "$home/initdb.log")(log: $home/initdb.log)"
  fi
  if as_owner "'$bin/pg_ctl' -D '$data' status" >/dev/null 2>&1; then
    port=$(running_port "$home")
  else
    port=$(choose_port "$home")
    local logged; logged=$(stat -c %s "$log" 2>/dev/null || echo 0)
    as_owner "'$bin/pg_ctl' -D '$data' -l '$log' -w -t 60 -o \"-p $port -k '$sock' -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=${CATALOGHUB_PG_FSYNC:-on}\" start" >/dev/null 2>&1 \
      || die "PostgreSQL did not start on port $port: $(gist "$log" "$logged")(log: $log)"
    echo "$port" >"$home/port"
  fi
  local psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -X -v ON_ERROR_STOP=1)
  local exists
  exists=$("${psql[@]}" -tAc "select 1 from pg_database where datname='$db'" postgres 2>&1) \
    || die "PostgreSQL of $data does not answer on port $port: $exists"
  if [ "$exists" != 1 ]; then
    local out
    out=$("${psql[@]}" -qc "create database \"$db\"" postgres 2>&1) || die "cannot create database $db: $out"
  fi
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=$db;Maximum Pool Size=100"
}

# stop and clean look at both homes: the clone's folder may have become (un)reachable since.
stop_home() {
  local home=$1 bin
  bin=$(find_bin) || return 0
  [ -f "$home/pgdata/PG_VERSION" ] || return 0
  as_owner "'$bin/pg_ctl' -D '$home/pgdata' status" >/dev/null 2>&1 || return 0
  as_owner "'$bin/pg_ctl' -D '$home/pgdata' -m fast -w stop" >&2 || die "pg_ctl could not stop the cluster in $home/pgdata."
}

stop() { stop_home "$(home_in_clone)"; is_root && stop_home "$(home_outside)"; return 0; }

case "${1:-start}" in
  start) shift || true; start "$@" ;;
  stop) stop ;;
  clean) stop; rm -rf "$ROOT/.local"; if is_root; then rm -rf "$(home_outside)"; fi ;;
  where) pick_home ;;
  *) echo "usage: $0 start [db] | stop | clean | where" >&2; exit 2 ;;
esac
