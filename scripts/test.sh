#!/usr/bin/env bash
# make test: every test against a real PostgreSQL; its own database unless CATALOGHUB_DB is set.
set -euo pipefail
cd "$(dirname "$0")/.."
# A plain assignment (not "export X=$(...)", whose status is export's) so that set -e stops here when db.sh fails.
CATALOGHUB_DB=${CATALOGHUB_DB:-$(bash scripts/db.sh start cataloghub_test)}
export CATALOGHUB_DB
mkdir -p .local
# The browser tests drive Debian's Chromium (never a browser Playwright would download): installed when missing.
bash scripts/chromium.sh
# The SHACL validator the CPSV-AP export test runs (node + npm): installed from its lock file when missing or when the lock changed.
if ! cmp -s tools/shacl/package-lock.json tools/shacl/node_modules/.installed-lock 2>/dev/null; then
  npm ci --prefix tools/shacl --no-audit --no-fund --loglevel=error >/dev/null
  cp tools/shacl/package-lock.json tools/shacl/node_modules/.installed-lock
fi
set +e
dotnet test CatalogHub.sln -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee .local/test.log
status=${PIPESTATUS[0]}
set -e
# One plain summary line: "N passed, N failed".
awk '/^ *Passed: *[0-9]+ *$/ { p += $2 } /^ *Failed: *[0-9]+ *$/ { f += $2 }
     END { printf "tests: %d passed, %d failed\n", p, f }' .local/test.log
exit "$status"
