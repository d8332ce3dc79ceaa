#!/usr/bin/env bash
# Schemathesis (property-based API fuzzing from the OpenAPI document) in a Python virtual environment
# of its own, outside the clone so a fresh clone (as in CI) reuses it. The version is pinned: a new
# release may add checks, and a run must not change verdict because PyPI moved.
#
#   scripts/schemathesis.sh install     create the venv and install Schemathesis if missing;
#                                       prints the path of the `st` executable on stdout
#   scripts/schemathesis.sh st ARGS     install if needed, then `st ARGS`
#                                       (e.g. st --config-file F run URL ...)
#
# Every message except the path printed by `install` goes to stderr.
set -euo pipefail

VERSION=4.32.5
CACHE="${TOLLGATE_CACHE:-$HOME/.cache/tollgate}"

# Python 3.12 or later when there is one (on PATH, or installed through pyenv): under 3.11,
# Hypothesis's deep recursion now and then trips a CPython bug ("SystemError: AST constructor
# recursion depth mismatch") that aborts a run. Python 3.11 otherwise.
find_python() {
  local candidate version
  for candidate in python3.13 python3.12; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys' >/dev/null 2>&1; then
      command -v "$candidate"
      return
    fi
  done
  if command -v pyenv >/dev/null 2>&1; then
    version="$(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9])(\.[0-9]+)?$' | sort -V | tail -n 1 || true)"
    if [[ -n $version && -x "$(pyenv root)/versions/$version/bin/python3" ]]; then
      echo "$(pyenv root)/versions/$version/bin/python3"
      return
    fi
  fi
  command -v python3 || true
}
PYTHON="$(find_python)"
PY_VERSION="$([[ -n $PYTHON ]] && "$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])' || echo none)"
VENV="$CACHE/schemathesis-$VERSION-py$PY_VERSION"

log() { printf 'schemathesis: %s\n' "$*" >&2; }
die() {
  printf 'schemathesis: error: %s\n' "$*" >&2
  exit 1
}

install() {
  # The marker is written last: an interrupted install is redone, never taken for a good one.
  if [[ -f $VENV/.installed && -x $VENV/bin/st ]]; then
    echo "$VENV/bin/st"
    return
  fi
  local python=$PYTHON
  [[ -n $python ]] || die "python3 is missing; install it (apt-get install python3 python3-venv)"
  if ! "$python" -m venv --help >/dev/null 2>&1; then
    [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1 || die "python3 venv module is missing; install python3-venv"
    log "installing python3-venv with apt-get ..."
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv; } >&2 || die "apt-get install python3-venv failed"
  fi
  mkdir -p "$CACHE"
  rm -rf "$VENV"
  log "creating venv and installing schemathesis==$VERSION into $VENV (first time only) ..."
  "$python" -m venv "$VENV" >&2
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION" >&2 || die "pip install schemathesis==$VERSION failed"
  "$VENV/bin/st" --version >&2 || die "installed schemathesis does not run"
  touch "$VENV/.installed"
  echo "$VENV/bin/st"
}

case ${1:-} in
  install) install ;;
  st)
    shift
    st="$(install)"
    exec "$st" "$@"
    ;;
  *)
    echo "usage: $0 install | st ARGS..." >&2
    exit 2
    ;;
esac
