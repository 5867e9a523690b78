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
# The npm tools (node + npm): the SHACL validator the CPSV-AP export test runs, and the OpenAPI linters. Each is installed
# from its lock file when missing or when the lock changed; an installed copy that matches its lock needs no network.
for tool in tools/shacl tools/openapi-lint; do
  if ! cmp -s "$tool/package-lock.json" "$tool/node_modules/.installed-lock" 2>/dev/null; then
    npm ci --prefix "$tool" --no-audit --no-fund --loglevel=error >/dev/null
    cp "$tool/package-lock.json" "$tool/node_modules/.installed-lock"
  fi
done
set +e
dotnet test CatalogHub.sln -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee .local/test.log
status=${PIPESTATUS[0]}
# The API document as tools no one here wrote read it (rules in tools/openapi-lint/.redocly.yaml and .spectral.yaml): a few
# seconds, its own step after the .NET run (so that `make schemas` lints the document it just wrote); its failure fails make test.
lint=$(REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true npm run --prefix tools/openapi-lint --silent lint 2>&1)
lint_status=$?
set -e
# One plain summary line: "N passed, N failed".
awk '/^ *Passed: *[0-9]+ *$/ { p += $2 } /^ *Failed: *[0-9]+ *$/ { f += $2 }
     END { printf "tests: %d passed, %d failed\n", p, f }' .local/test.log
if [ "$lint_status" -ne 0 ]; then
  printf '%s\n' "$lint" | grep -v '[║╔╚]' >&2
  echo "openapi lint: failed (schemas/openapi.json; rules in tools/openapi-lint/)" >&2
  [ "$status" -ne 0 ] || status=$lint_status
else
  echo "openapi lint: 0 problems (redocly, spectral)"
fi
exit "$status"
