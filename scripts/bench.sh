#!/usr/bin/env bash
# make bench: the benchmarks (issue 14's targets, each beside its baseline from the same run) against a dataset generated afresh; writes docs/benchmarks.md.
# Needs the .NET SDK; installs wrk (Debian) when missing and starts the project-local PostgreSQL (database cataloghub_bench)
# unless CATALOGHUB_DB is set (its database name must contain "bench": the run drops and recreates the store's schema).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

if ! command -v wrk >/dev/null; then
  echo "wrk not found: installing Debian's wrk package" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >&2
fi

CATALOGHUB_DB=${CATALOGHUB_DB:-$(bash scripts/db.sh start cataloghub_bench)}   # stops here when db.sh fails
export CATALOGHUB_DB
export BENCH_COMMIT=${BENCH_COMMIT:-$(git describe --always --dirty 2>/dev/null || echo unknown)}
mkdir -p .local docs

echo "Building Release ..." >&2
dotnet build CatalogHub.sln -c Release -nologo -v quiet

dotnet bench/CatalogHub.Bench/bin/Release/net10.0/CatalogHub.Bench.dll . docs/benchmarks.md
echo "make bench: $(( $(date +%s) - started )) s in all; results in docs/benchmarks.md" >&2
