#!/usr/bin/env bash
# The whole stack locally, from a fresh clone and without Docker: dependencies, services (Redis and
# a MongoDB-wire server), build, seed data on an empty database, then the api and one worker in the
# background. `npm run stack -- down` stops them (and the services); `status` shows them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd -P)"
STATE="$ROOT/.local/stack"
mkdir -p "$STATE"

alive() { [[ -s $1 ]] && kill -0 "$(<"$1")" 2>/dev/null; }

stop_all() {
  for name in worker api; do
    if alive "$STATE/$name.pid"; then
      kill -TERM "$(<"$STATE/$name.pid")" 2>/dev/null || true
      for _ in $(seq 1 60); do alive "$STATE/$name.pid" || break; sleep 0.25; done
      alive "$STATE/$name.pid" && kill -KILL "$(<"$STATE/$name.pid")" 2>/dev/null || true
      echo "stack: $name stopped" >&2
    fi
    rm -f "$STATE/$name.pid"
  done
}

case "${1:-up}" in
  down)
    stop_all
    rm -f "$STATE/env"
    bash scripts/services.sh down
    exit 0
    ;;
  status)
    for name in api worker; do
      if alive "$STATE/$name.pid"; then echo "$name: running (pid $(<"$STATE/$name.pid"), log $STATE/$name.log)"; else echo "$name: stopped"; fi
    done
    bash scripts/services.sh status
    exit 0
    ;;
  up) ;;
  *)
    echo "usage: scripts/stack.sh [up|down|status]" >&2
    exit 2
    ;;
esac

if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
bash scripts/services.sh up
eval "$(bash scripts/services.sh env)"
npm run build --silent
stop_all

export PORT="${PORT:-3000}" HOST="${HOST:-127.0.0.1}" LOG_LEVEL="${LOG_LEVEL:-info}"
# The URL discovery, OpenAPI and Swagger's Authorize publish: the one printed below, so a client
# pointed at what the stack prints finds an issuer that matches it exactly.
export PUBLIC_URL="${PUBLIC_URL:-http://127.0.0.1:$PORT}"
# What the CLI reads in a new shell (it finds this file by itself): the same store, Redis and key
# prefix as the api. The operator key and pepper stay in .local/ where every process finds them.
{
  echo "export REDIS_URL=$REDIS_URL"
  echo "export MONGO_URL=$MONGO_URL"
  echo "export REDIS_PREFIX=${REDIS_PREFIX:-tg}"
  echo "export PUBLIC_URL=$PUBLIC_URL"
} >"$STATE/env"
if [[ -f dist/apps/seed/main.js ]]; then node dist/apps/seed/main.js; fi

nohup node dist/apps/api/main.js >"$STATE/api.log" 2>&1 &
echo $! >"$STATE/api.pid"
nohup node dist/apps/worker/main.js >"$STATE/worker.log" 2>&1 &
echo $! >"$STATE/worker.pid"

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; then
    echo
    echo "Tollgate is up: $PUBLIC_URL  (readiness: /health/ready)"
    echo "PUBLIC_URL=$PUBLIC_URL  (discovery: $PUBLIC_URL/.well-known/oauth-authorization-server, docs: $PUBLIC_URL/docs)"
    echo "Operator key: ${OPERATOR_KEY:-stored in $ROOT/.local/operator-key}"
    echo "CLI: npm run cli -- --help  (finds this stack's settings by itself)"
    echo "Logs: $STATE/api.log, $STATE/worker.log. Stop with: npm run stack -- down"
    exit 0
  fi
  if ! alive "$STATE/api.pid"; then
    echo "stack: the api exited; last lines of $STATE/api.log:" >&2
    tail -n 20 "$STATE/api.log" >&2
    exit 1
  fi
  sleep 0.5
done
echo "stack: the api did not become ready within 60 s; see $STATE/api.log" >&2
exit 1
