#!/usr/bin/env bash
# The screenshots of the main pages in docs/screenshots: a test-only run of Site_screenshots (the same seeded data as the
# browser tests, the app on a loopback port, Debian's Chromium), on the tests' database unless CATALOGHUB_DB is set.
set -euo pipefail
cd "$(dirname "$0")/.."
export CATALOGHUB_SCREENSHOTS=$PWD/docs/screenshots
dotnet build CatalogHub.sln -nologo -v quiet
bash scripts/test.sh --no-build --filter "FullyQualifiedName~Site_screenshots"
ls -1 "$CATALOGHUB_SCREENSHOTS"
