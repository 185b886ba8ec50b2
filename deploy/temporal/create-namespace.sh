#!/bin/sh
# Waits for the Temporal frontend, then registers the namespace the apps use (once; later starts find
# it). Run by the compose `temporal-namespace` service on temporalio/admin-tools.
set -eu
address="${TEMPORAL_ADDRESS:?}"
namespace="${NAMESPACE:?}"
tries=0
until temporal operator cluster health --address "$address" >/dev/null 2>&1; do
  tries=$((tries + 1))
  [ "$tries" -lt 60 ] || { echo "Temporal at $address did not become healthy" >&2; exit 1; }
  sleep 2
done
if temporal operator namespace describe --namespace "$namespace" --address "$address" >/dev/null 2>&1; then
  echo "namespace $namespace exists"
else
  temporal operator namespace create --namespace "$namespace" --retention "${RETENTION:?}" --address "$address"
  echo "namespace $namespace created (retention $RETENTION)"
fi
