#!/usr/bin/env bash
# make run: local PostgreSQL (unless CATALOGHUB_DB is set), build, schema, demo data, then the API in the foreground.
set -euo pipefail
cd "$(dirname "$0")/.."
URL=${1:-http://127.0.0.1:5080}
# The database first, so that a PostgreSQL that cannot start stops us before the build (set -e; see test.sh).
CATALOGHUB_DB=${CATALOGHUB_DB:-$(bash scripts/db.sh start cataloghub)}
export CATALOGHUB_DB
${DOTNET:-dotnet} build CatalogHub.sln -c Release -nologo -v quiet
export CATALOGHUB_ADMIN_KEY_FILE=${CATALOGHUB_ADMIN_KEY_FILE:-$PWD/.local/demo-admin-key}
export CATALOGHUB_SEED_DEMO=${CATALOGHUB_SEED_DEMO:-true}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
mkdir -p .local

dotnet src/CatalogHub/bin/Release/net10.0/CatalogHub.dll --urls "$URL" > .local/app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null' INT TERM EXIT

for _ in $(seq 1 120); do
  if curl -fsS "$URL/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 $APP 2>/dev/null; then echo "CatalogHub failed to start; see .local/app.log:" >&2; tail -40 .local/app.log >&2; exit 1; fi
  sleep 0.5
done

cat <<MSG

  CatalogHub is up on $URL   (log: .local/app.log, stop with Ctrl-C)
    Catalogue site  $URL/site        (department console: $URL/console, sign in with a department's API key)
    Swagger UI      $URL/swagger
    OpenAPI         $URL/swagger/v1/swagger.json
    Health          $URL/health/live   $URL/health/ready
    Demo hub-admin key (also in $CATALOGHUB_ADMIN_KEY_FILE):
      $(cat "$CATALOGHUB_ADMIN_KEY_FILE")

MSG
wait $APP
