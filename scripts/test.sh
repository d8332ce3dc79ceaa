#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs dependencies when missing, starts the real
# services it needs (Redis, and a MongoDB-wire server: FerretDB unless MONGO_URL or mongod is
# available), builds the apps (some tests run dist/apps/*/main.js as real processes), runs Vitest.
# Extra arguments go to Vitest, e.g. `npm test -- test/tokens.e2e-spec.ts`. Services it started
# itself are stopped at the end; services that were already running are left running. The whole
# suite (no arguments) first checks lint and formatting (ESLint, Prettier): they fail in seconds,
# before any service starts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
if (($# == 0)); then
  npm run lint --silent
fi
# Services this run starts are stopped when it ends (however it ends); services that were already
# running (an earlier `services.sh up`, or `npm run stack` serving its api) are reused and left running.
if bash scripts/services.sh status >/dev/null 2>&1; then
  started_services=0
else
  started_services=1
  trap 'echo "stopping the services this test run started" >&2; bash scripts/services.sh down' EXIT
fi
bash scripts/services.sh up
# The browser check of /docs and the queue dashboard (test/security/browser-pages) runs Debian's
# chromium; like services.sh does for redis-server, install it when missing rather than skip.
if [[ ! -x /usr/bin/chromium ]]; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "installing chromium with apt-get ..." >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >&2
  else
    echo "error: /usr/bin/chromium is missing; install Debian's chromium (apt-get install chromium)" >&2
    exit 1
  fi
fi
# Schemathesis (test/security/schemathesis) in its own cached Python venv, outside the clone.
bash scripts/schemathesis.sh install >/dev/null
# Helm (test/helm-chart) built from the Go module proxy into the same cache, once.
bash scripts/helm.sh install >/dev/null
eval "$(bash scripts/services.sh env)"
echo "tests use Redis at $REDIS_URL and ${MONGO_SERVER:-a MongoDB server} at $MONGO_URL" >&2
npm run build --silent
mkdir -p .local
if ((started_services)); then
  # Not exec: the EXIT trap stops the services after Vitest.
  npx vitest run --reporter=default --reporter=json --outputFile.json=.local/test-results.json "$@"
else
  exec npx vitest run --reporter=default --reporter=json --outputFile.json=.local/test-results.json "$@"
fi
