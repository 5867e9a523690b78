# CatalogHub — the two commands a new user needs are `make run` and `make test`.
# Both start a project-local PostgreSQL (scripts/db.sh) unless CATALOGHUB_DB is set.
SHELL := /bin/bash
PORT ?= 5080
URL := http://127.0.0.1:$(PORT)
ROOT := $(CURDIR)
DOTNET ?= dotnet

.PHONY: run test build stop clean schemas codegen bench chaos cluster

build:
	$(DOTNET) build CatalogHub.sln -c Release -nologo -v quiet

## run: the API with Swagger UI and the demo dataset on $(URL)
run:
	@DOTNET="$(DOTNET)" bash scripts/run.sh "$(URL)"

## test: every test, against a real PostgreSQL (database cataloghub_test)
test:
	@bash scripts/test.sh

## schemas: regenerate schemas/*.json and schemas/openapi.json from the code
schemas: build
	CATALOGHUB_WRITE_SCHEMAS=1 bash scripts/test.sh --filter "FullyQualifiedName~Documents"

## codegen: regenerate Wolverine's handler classes (src/CatalogHub/Internal/Generated) from the code
# JasperFx's own `codegen write` (Wolverine tolerates the missing classes only under that command). It builds the services
# without connecting, but the hub refuses to build them without a connection string.
codegen:
	rm -rf src/CatalogHub/Internal/Generated
	cd src/CatalogHub && ASPNETCORE_ENVIRONMENT=Development CATALOGHUB_SEED_DEMO=false CATALOGHUB_DB="Host=unused" \
		$(DOTNET) run -- codegen write

## bench: the benchmarks; writes docs/benchmarks.md
bench:
	@bash scripts/bench.sh

## chaos: two nodes on one PostgreSQL under load, a node killed and PostgreSQL stopped mid-load; writes docs/reliability.md
chaos:
	@bash scripts/chaos.sh

## cluster: a PostgreSQL primary with a hot standby and two API nodes, in the foreground (docs/scaling.md)
cluster:
	@bash scripts/cluster.sh

## stop: stop the local PostgreSQL cluster
stop:
	@bash scripts/db.sh stop

## clean: stop it and delete its data and the build outputs
clean:
	@bash scripts/db.sh clean
	rm -rf src/*/bin src/*/obj tests/*/bin tests/*/obj bench/*/bin bench/*/obj
