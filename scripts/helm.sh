#!/usr/bin/env bash
# Helm, pinned, built from the Go module proxy into the tool cache outside the clone (the same cache
# root as the FerretDB build and the Schemathesis venv), so a fresh clone (as in CI) reuses it. The
# first build takes a few minutes; later runs find the binary. Pinned: a new Helm may lint or render
# differently, and a run must not change verdict because a release moved.
#
#   scripts/helm.sh install     build Helm if missing; prints the path of the binary on stdout
#   scripts/helm.sh ARGS...     install if needed, then `helm ARGS...` (e.g. lint deploy/helm/tollgate)
#
# Every message except the path printed by `install` goes to stderr.
set -euo pipefail

VERSION=v3.22.0
# The Kubernetes version Helm assumes without a cluster (`helm template`, and the deprecation rules
# of `helm lint`): the release build sets it from its client-go (v0.37 -> 1.37), and so do we; a
# plain `go install` would leave Helm's fallback, 1.20.
K8S_MAJOR=1 K8S_MINOR=37
CACHE="${TOLLGATE_CACHE:-$HOME/.cache/tollgate}"
DIR="$CACHE/helm-$VERSION"
BIN="$DIR/helm"

log() { printf 'helm: %s\n' "$*" >&2; }
die() {
  printf 'helm: error: %s\n' "$*" >&2
  exit 1
}

install() {
  if [[ -x $BIN ]]; then
    echo "$BIN"
    return
  fi
  command -v go >/dev/null 2>&1 || die "Go is missing, so Helm $VERSION cannot be built (install Go, as for the local store)"
  mkdir -p "$DIR"
  # One build at a time (two test runs of fresh clones may start together); the second waits and
  # then finds the binary.
  exec 8>"$DIR/.lock"
  command -v flock >/dev/null 2>&1 && flock -w 900 8
  if [[ -x $BIN ]]; then
    echo "$BIN"
    return
  fi
  local tmp t0=$SECONDS
  tmp="$(mktemp -d "$DIR/.build.XXXXXX")"
  log "building Helm $VERSION into $BIN (first time only; a few minutes) ..."
  # Pure Go, static; built into a temporary directory and then renamed, so an interrupted build never
  # leaves a half-written binary at $BIN.
  local ldflags="-w -s -X helm.sh/helm/v3/internal/version.version=$VERSION"
  local pkg
  for pkg in pkg/lint/rules pkg/chartutil; do
    ldflags+=" -X helm.sh/helm/v3/$pkg.k8sVersionMajor=$K8S_MAJOR -X helm.sh/helm/v3/$pkg.k8sVersionMinor=$K8S_MINOR"
  done
  if ! CGO_ENABLED=0 GOBIN="$tmp" go install -trimpath -ldflags "$ldflags" "helm.sh/helm/v3/cmd/helm@$VERSION" >&2; then
    rm -rf "$tmp"
    die "go install helm.sh/helm/v3/cmd/helm@$VERSION failed"
  fi
  mv -f "$tmp/helm" "$BIN"
  rm -rf "$tmp"
  log "built in $((SECONDS - t0))s"
  echo "$BIN"
}

case ${1:-} in
  install) install ;;
  "")
    echo "usage: $0 install | ARGS..." >&2
    exit 2
    ;;
  *)
    helm="$(install)"
    # Helm keeps caches and repository config under $HOME by default; the chart needs none of them
    # (no dependencies, no repositories), so keep them in the tool cache rather than in the user's home.
    export HELM_CACHE_HOME="$DIR/home/cache" HELM_CONFIG_HOME="$DIR/home/config" HELM_DATA_HOME="$DIR/home/data"
    exec "$helm" "$@"
    ;;
esac
