#!/usr/bin/env bash
# make chaos: two API nodes on one PostgreSQL of their own, under load, while a node is killed with SIGKILL
# and PostgreSQL is stopped with `pg_ctl -m immediate`; every acknowledged write is checked against the
# database afterwards. Writes the generated section of docs/reliability.md.
#
# Everything lives under .local/chaos (a fresh cluster on port 55438 each run, the nodes' logs, the ledger),
# so the project's own cluster on 55432 and any CATALOGHUB_DB you exported are never touched. Whatever this
# script starts it stops again on exit, failure and Ctrl-C included.
#
# The load driver (bench/CatalogHub.Bench, `chaos` mode) calls back into this script for the disruptions:
#   scripts/chaos.sh node start|kill a|b      scripts/chaos.sh pg start|stop
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
STATE="$ROOT/.local/chaos"
PG_PORT=${CHAOS_PG_PORT:-55438}
PORT_A=${CHAOS_PORT_A:-5181}
PORT_B=${CHAOS_PORT_B:-5182}
DATA="$STATE/pg"
SOCK="$STATE/pgsock"
DATABASE=cataloghub_chaos
DLL="$ROOT/src/CatalogHub/bin/Release/net10.0/CatalogHub.dll"
export CATALOGHUB_DB="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$DATABASE;Maximum Pool Size=100"

pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  echo "PostgreSQL's binaries are not installed: run 'make test' once (scripts/db.sh installs them)." >&2
  return 1
}

# initdb refuses root, so as root the chaos cluster belongs to the 'postgres' user, as scripts/db.sh does it.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

pg() {
  local bin; bin=$(pg_bin)
  case "$1" in
    start) as_owner "'$bin/pg_ctl' -D '$DATA' -l '$STATE/postgres.log' -w -t 60 -o \"-p $PG_PORT -k '$SOCK' -c listen_addresses=127.0.0.1 -c max_connections=300\" start" >/dev/null ;;
    # The disruption: no checkpoint, no goodbye to clients; the next start replays the WAL.
    stop) as_owner "'$bin/pg_ctl' -D '$DATA' -m immediate -w stop" >/dev/null ;;
    *) echo "usage: $0 pg start|stop" >&2; return 2 ;;
  esac
}

node_port() { case "$1" in a) echo "$PORT_A" ;; b) echo "$PORT_B" ;; *) echo "node is a or b" >&2; return 2 ;; esac; }

node() {
  local action=$1 name=$2 port pidfile="$STATE/node-$2.pid"
  port=$(node_port "$name")
  case "$action" in
    start)
      # The secrets the nodes share come from this run's env file (written once by `run`).
      set -a; . "$STATE/nodes.env"; set +a
      ASPNETCORE_ENVIRONMENT=Development CATALOGHUB_SEED_DEMO=false CATALOGHUB_ADMIN_KEY_FILE="$STATE/admin-key" \
        Logging__LogLevel__Default=Warning \
        nohup dotnet "$DLL" --urls "http://127.0.0.1:$port" >>"$STATE/node-$name.log" 2>&1 </dev/null &
      echo $! >"$pidfile"
      disown $! 2>/dev/null || true ;;
    kill) kill -9 "$(cat "$pidfile")" 2>/dev/null || true ;;
    *) echo "usage: $0 node start|kill a|b" >&2; return 2 ;;
  esac
}

wait_ready() {
  local name=$1 port; port=$(node_port "$1")
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
    if ! kill -0 "$(cat "$STATE/node-$name.pid")" 2>/dev/null; then
      echo "node $name exited during start-up; see $STATE/node-$name.log:" >&2; tail -30 "$STATE/node-$name.log" >&2; return 1
    fi
    sleep 0.5
  done
  echo "node $name not ready after 120 s; see $STATE/node-$name.log" >&2; return 1
}

cleanup() {
  local f
  for f in "$STATE"/node-*.pid; do
    [ -f "$f" ] || continue
    kill -9 "$(cat "$f")" 2>/dev/null || true
    rm -f "$f"
  done
  if [ -f "$DATA/PG_VERSION" ]; then
    local bin; bin=$(pg_bin) || return 0
    as_owner "'$bin/pg_ctl' -D '$DATA' status" >/dev/null 2>&1 && as_owner "'$bin/pg_ctl' -D '$DATA' -m fast -w stop" >/dev/null 2>&1 || true
  fi
}

run() {
  local started; started=$(date +%s)
  # A run cut short by `kill -9` of this script itself may have left its nodes and cluster behind: they are ours to stop.
  cleanup
  for port in "$PG_PORT" "$PORT_A" "$PORT_B"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "port $port is in use: make chaos needs 55438, 5181 and 5182 (CHAOS_PG_PORT, CHAOS_PORT_A, CHAOS_PORT_B)" >&2; exit 1
    fi
  done
  echo "Building Release ..." >&2
  dotnet build CatalogHub.sln -c Release -nologo -v quiet

  trap cleanup EXIT
  trap 'exit 130' INT TERM
  local bin; bin=$(pg_bin)
  rm -rf "$STATE"
  mkdir -p "$STATE" "$SOCK"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$STATE" "$SOCK"
  fi
  as_owner "'$bin/initdb' -D '$DATA' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >'$STATE/initdb.log' 2>&1"
  pg start
  "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database $DATABASE" postgres
  {
    echo "CATALOGHUB_MASTER_KEY=$(head -c 32 /dev/urandom | base64 -w0)"
    echo "CATALOGHUB_LOG_ED25519_KEY=$(head -c 32 /dev/urandom | base64 -w0)"
    echo "CATALOGHUB_LOG_SM2_KEY=$(head -c 32 /dev/urandom | base64 -w0)"
    # The transparency log appends and signs every 5 s instead of 10 s, so it runs inside every phase, outages included.
    echo "CATALOGHUB_LOG_INTERVAL_SECONDS=5"
  } >"$STATE/nodes.env"

  # One after the other: the first node creates the schema and the bootstrap hub-admin key the driver uses.
  node start a; wait_ready a
  node start b; wait_ready b

  export BENCH_COMMIT=${BENCH_COMMIT:-$(git describe --always --dirty 2>/dev/null || echo unknown)}
  local rc=0
  # A hard bound on the whole load: the driver's own schedule ends after about 3 minutes.
  timeout -k 10 420 dotnet bench/CatalogHub.Bench/bin/Release/net10.0/CatalogHub.Bench.dll chaos "$ROOT" docs/reliability.md \
    "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" || rc=$?
  echo "make chaos: $(( $(date +%s) - started )) s in all; results in docs/reliability.md, logs and ledger in $STATE" >&2
  exit $rc
}

case "${1:-run}" in
  run) run ;;
  node) node "$2" "$3" ;;
  pg) pg "$2" ;;
  *) echo "usage: $0 [run] | node start|kill a|b | pg start|stop" >&2; exit 2 ;;
esac
