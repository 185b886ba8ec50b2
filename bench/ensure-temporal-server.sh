#!/usr/bin/env bash
# Prints the path of the full Temporal server binary (and its temporal-sql-tool beside it), for the
# benchmark's comparison of Temporal on PostgreSQL with the CLI's dev server (SQLite only).
# Order: $TEMPORAL_SERVER_BIN; .tools/temporal-server/bin/server from an earlier run; `go install`
# of the server module at the version the CLI's dev server embeds (needs Go; a few minutes, once).
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="${TEMPORAL_SERVER_VERSION:-v1.32.0}"
if [ -n "${TEMPORAL_SERVER_BIN:-}" ]; then echo "$TEMPORAL_SERVER_BIN"; exit 0; fi
target=".tools/temporal-server/bin"
if [ -x "$target/server" ] && [ -x "$target/sql" ]; then echo "$PWD/$target/server"; exit 0; fi
if ! command -v go >/dev/null 2>&1; then echo "no Temporal server binary and no Go to build one" >&2; exit 1; fi
mkdir -p "$target"
echo "building the Temporal server $VERSION and temporal-sql-tool with go install (once)" >&2
GOBIN="$PWD/$target" GOFLAGS=-buildvcs=false go install "go.temporal.io/server/cmd/server@$VERSION" "go.temporal.io/server/cmd/tools/sql@$VERSION" >&2
echo "$PWD/$target/server"
