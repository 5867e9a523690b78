#!/usr/bin/env bash
# make test: every test against a real PostgreSQL; its own database unless CATALOGHUB_DB is set.
set -euo pipefail
cd "$(dirname "$0")/.."
export CATALOGHUB_DB=${CATALOGHUB_DB:-$(bash scripts/db.sh start cataloghub_test)}
mkdir -p .local
set +e
dotnet test CatalogHub.sln -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee .local/test.log
status=${PIPESTATUS[0]}
set -e
# One plain summary line: "N passed, N failed".
awk '/^ *Passed: *[0-9]+ *$/ { p += $2 } /^ *Failed: *[0-9]+ *$/ { f += $2 }
     END { printf "tests: %d passed, %d failed\n", p, f }' .local/test.log
exit "$status"
