#!/usr/bin/env bash
# make cluster: on this machine, a PostgreSQL primary with a streaming-replication hot standby (two project-local
# clusters) and two API nodes. Writes go to the primary; catalogue and history reads go to the standby through Npgsql's
# multi-host data source and fall back to the primary when it is away (docs/scaling.md). Ctrl-C stops everything.
#
#   scripts/cluster.sh                       the whole set-up in the foreground (what `make cluster` runs)
#   scripts/cluster.sh db-up DIR PPORT SPORT  the two PostgreSQL clusters only, under DIR; prints two lines: the primary's
#                                            connection string and the reads' multi-host one (the tests use this)
#   scripts/cluster.sh primary|standby stop|start DIR PORT   (stops with -m immediate)   scripts/cluster.sh db-down DIR
# Ports: CATALOGHUB_CLUSTER_PG (primary, 55440; the standby is the next one), CATALOGHUB_CLUSTER_API (5101; node 2 the next).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATABASE=cataloghub

die() { echo "scripts/cluster.sh: $*" >&2; exit 1; }

pg_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -Vr); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_basebackup" ] && { echo "$d"; return 0; }
  done
  # scripts/db.sh installs Debian's PostgreSQL when it is missing.
  bash scripts/db.sh where >/dev/null 2>&1 || true
  die "PostgreSQL's binaries are not installed: run 'make test' once (scripts/db.sh installs them)."
}

# initdb refuses root: as root both clusters belong to the 'postgres' user, as scripts/db.sh does it.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    su postgres -s /bin/sh -c "cd / && $*"
  else
    sh -c "$*"
  fi
}

start_pg() { # data dir, port
  local bin; bin=$(pg_bin)
  as_owner "'$bin/pg_ctl' -D '$1' -l '$1.log' -w -t 60 -o \"-p $2 -k '$1.sock' -c listen_addresses=127.0.0.1 -c max_connections=200\" start" >/dev/null \
    || die "PostgreSQL in $1 did not start on port $2; see $1.log"
}

stop_pg() { # data dir [mode]
  local bin; bin=$(pg_bin)
  [ -f "$1/postmaster.pid" ] && as_owner "'$bin/pg_ctl' -D '$1' -m ${2:-fast} -w stop" >/dev/null 2>&1 || true
}

db_up() { # dir, primary port, standby port
  local dir=$1 pport=$2 sport=$3 bin; bin=$(pg_bin)
  mkdir -p "$dir" "$dir/primary.sock" "$dir/standby.sock"
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$dir"
  if [ ! -f "$dir/primary/PG_VERSION" ]; then
    # Trust on loopback, replication included (initdb's own pg_hba.conf lines); wal_level=replica is the default.
    as_owner "'$bin/initdb' -D '$dir/primary' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 \
      || die "initdb failed; see $dir/initdb.log"
  fi
  start_pg "$dir/primary" "$pport"
  as_owner "'$bin/psql' -h 127.0.0.1 -p $pport -U postgres -Atqc \"select 1 from pg_database where datname = '$DATABASE'\"" | grep -q 1 \
    || as_owner "'$bin/createdb' -h 127.0.0.1 -p $pport -U postgres $DATABASE"
  if [ ! -f "$dir/standby/PG_VERSION" ]; then
    # -R writes standby.signal and primary_conninfo: the copy starts as a hot standby streaming from the primary.
    as_owner "'$bin/pg_basebackup' -h 127.0.0.1 -p $pport -U postgres -D '$dir/standby' -R -X stream -c fast" >"$dir/basebackup.log" 2>&1 \
      || die "pg_basebackup failed; see $dir/basebackup.log"
  fi
  start_pg "$dir/standby" "$sport"
  echo "Host=127.0.0.1;Port=$pport;Username=postgres;Database=$DATABASE;Maximum Pool Size=100"
  # The standby first, the primary after it: Npgsql prefers the standby and falls back in this order.
  echo "Host=127.0.0.1:$sport,127.0.0.1:$pport;Username=postgres;Database=$DATABASE;Maximum Pool Size=100;Host Recheck Seconds=2"
}

db_down() { stop_pg "$1/standby"; stop_pg "$1/primary"; }

whole() {
  local pport=${CATALOGHUB_CLUSTER_PG:-55440} api=${CATALOGHUB_CLUSTER_API:-5101}
  local dir="$ROOT/.local/cluster" dll="$ROOT/src/CatalogHub/bin/Release/net10.0/CatalogHub.dll" lines pids=()
  lines=$(db_up "$dir" "$pport" $((pport + 1)))
  local primary reads; primary=$(sed -n 1p <<<"$lines"); reads=$(sed -n 2p <<<"$lines")
  trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; db_down "$dir"' INT TERM EXIT
  dotnet build CatalogHub.sln -c Release -nologo -v quiet
  for n in 1 2; do
    # Node 1 seeds the demo data and the hub-admin key; node 2 starts on what node 1 wrote (both are idempotent anyway).
    CATALOGHUB_DB="$primary" CATALOGHUB_READ_DB="$reads" ASPNETCORE_ENVIRONMENT=Development \
      CATALOGHUB_SEED_DEMO=$([ $n = 1 ] && echo true || echo false) CATALOGHUB_ADMIN_KEY_FILE="$dir/admin-key" \
      dotnet "$dll" --urls "http://127.0.0.1:$((api + n - 1))" >"$dir/node-$n.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 240); do
      curl -fsS "http://127.0.0.1:$((api + n - 1))/health/ready" >/dev/null 2>&1 && break
      kill -0 "${pids[-1]}" 2>/dev/null || { tail -30 "$dir/node-$n.log" >&2; die "node $n exited during start-up; see $dir/node-$n.log"; }
      sleep 0.5
    done
  done
  cat <<MSG

  CatalogHub cluster is up (logs: $dir/node-1.log, node-2.log; PostgreSQL: $dir/*.log; stop with Ctrl-C)
    node 1   http://127.0.0.1:$api        node 2   http://127.0.0.1:$((api + 1))
    primary  127.0.0.1:$pport             standby  127.0.0.1:$((pport + 1)) (hot standby, streaming)
    Try:     curl -si http://127.0.0.1:$((api + 1))/regions/411000/catalogue | grep -i '^x-read'
             curl -s http://127.0.0.1:$api/health/ready
    Hub-admin key: $(cat "$dir/admin-key")

MSG
  wait "${pids[0]}"
}

case "${1:-}" in
  "") whole ;;
  db-up) [ $# -eq 4 ] || die "usage: $0 db-up DIR PRIMARY_PORT STANDBY_PORT"; db_up "$2" "$3" "$4" ;;
  db-down) [ $# -eq 2 ] || die "usage: $0 db-down DIR"; db_down "$2" ;;
  primary|standby)
    [ $# -eq 4 ] || die "usage: $0 $1 stop|start DIR PORT"
    case "$2" in stop) stop_pg "$3/$1" immediate ;; start) start_pg "$3/$1" "$4" ;; *) die "$1 stop|start" ;; esac ;;
  *) die "unknown command '$1' (see the header of this script)" ;;
esac
