#!/bin/sh
# Creates (when missing) and migrates Temporal's two databases in PostgreSQL. Run by the compose
# `temporal-schema` service on temporalio/admin-tools (its temporal-sql-tool carries the schema of its
# own release); safe to run on every start: update-schema applies only the versions not yet applied.
set -eu
tool() { temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" --pw "$POSTGRES_PWD" "$@"; }
for pair in temporal:postgresql/v12/temporal temporal_visibility:postgresql/v12/visibility; do
  database="${pair%%:*}"
  schema="${pair#*:}"
  # `create` fails when the database exists (every start after the first); setup-schema below then
  # fails loudly if the database is really unreachable.
  tool --db "$database" create 2>/dev/null && echo "created database $database" || echo "database $database exists"
  tool --db "$database" setup-schema -v 0.0
  tool --db "$database" update-schema --schema-name "$schema"
done
echo "Temporal schema is up to date"
