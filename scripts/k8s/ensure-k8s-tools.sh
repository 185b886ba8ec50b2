#!/usr/bin/env bash
# Puts the tools the Helm chart's test needs into the project's .tools/ folder, once (later runs reuse them):
#   .tools/bin/helm          helm template (Go module helm.sh/helm/v3)
#   .tools/bin/kubeconform   Kubernetes schema validation (Go module github.com/yannh/kubeconform)
#   .tools/k8s/swagger-<v>.json  the Kubernetes API's OpenAPI document, as shipped inside the Go module
#                                k8s.io/kubernetes (api/openapi-spec/swagger.json): the schemas come from
#                                there, offline, since kubeconform's default schema site is not reachable.
# Prints `helm kubeconform swagger` paths, one per line. Versions can be overridden by environment.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tools="$root/.tools"
helm_version="${HELM_VERSION:-v3.22.0}"
kubeconform_version="${KUBECONFORM_VERSION:-v0.8.0}"
kubernetes_version="${KUBERNETES_VERSION:-v1.37.2}"
log() { echo "[ensure-k8s-tools] $*" >&2; }
command -v go >/dev/null 2>&1 || { log "needs Go (go install); see README"; exit 1; }
mkdir -p "$tools/bin" "$tools/k8s"

# Each tool is rebuilt only when its recorded version differs from the one asked for.
install() { # name module version
  local name="$1" module="$2" version="$3"
  if [ -x "$tools/bin/$name" ] && [ "$(cat "$tools/bin/$name.version" 2>/dev/null)" = "$module@$version" ]; then return; fi
  log "go install $module@$version (first time only; a few minutes)"
  GOBIN="$tools/bin" GOFLAGS=-buildvcs=false go install "$module@$version" >&2
  echo "$module@$version" > "$tools/bin/$name.version"
}
install helm helm.sh/helm/v3/cmd/helm "$helm_version"
install kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$kubeconform_version"

swagger="$tools/k8s/swagger-$kubernetes_version.json"
if [ ! -s "$swagger" ]; then
  log "go mod download k8s.io/kubernetes@$kubernetes_version (for its api/openapi-spec/swagger.json)"
  dir="$(go mod download -json "k8s.io/kubernetes@$kubernetes_version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [ -n "$dir" ] && [ -f "$dir/api/openapi-spec/swagger.json" ] || { log "no api/openapi-spec/swagger.json in k8s.io/kubernetes@$kubernetes_version"; exit 1; }
  cp "$dir/api/openapi-spec/swagger.json" "$swagger.tmp" && mv "$swagger.tmp" "$swagger"
fi
printf '%s\n%s\n%s\n' "$tools/bin/helm" "$tools/bin/kubeconform" "$swagger"
