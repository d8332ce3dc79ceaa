#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs dependencies when missing, starts the real
# services it needs (Redis, and a MongoDB-wire server: FerretDB unless MONGO_URL or mongod is
# available), builds the apps (some tests run dist/apps/*/main.js as real processes), runs Vitest.
# Extra arguments go to Vitest, e.g. `npm test -- test/tokens.e2e-spec.ts`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
bash scripts/services.sh up
eval "$(bash scripts/services.sh env)"
echo "tests use Redis at $REDIS_URL and ${MONGO_SERVER:-a MongoDB server} at $MONGO_URL" >&2
npm run build --silent
mkdir -p .local
exec npx vitest run --reporter=default --reporter=json --outputFile.json=.local/test-results.json "$@"
