#!/usr/bin/env bash
# Start, stop and inspect the backing services Tollgate needs for dev and CI:
# Redis and a MongoDB-compatible server.
#
#   scripts/services.sh up       start them, or reuse the ones from an earlier `up`;
#                                write .local/services/env
#   scripts/services.sh down     stop what `up` started (only our own processes)
#   scripts/services.sh status   show what is running
#   scripts/services.sh env      print .local/services/env (to stdout), e.g.
#                                eval "$(scripts/services.sh env)"
#
# Redis:   $REDIS_URL if it is set and answers PING; else our own redis-server
#          on a free loopback port (installed with apt-get if missing and we are root).
# MongoDB: $MONGO_URL if it is set; else our own mongod if one is on PATH; else
#          FerretDB (tools/ferretdb, SQLite backend), built once into
#          ${TOLLGATE_CACHE:-$HOME/.cache/tollgate}, outside the clone, so that a
#          fresh clone (as in CI) reuses the build.
# Every message goes to stderr. Only `env` writes to stdout.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
STATE="$ROOT/.local/services"
ENV_FILE="$STATE/env"
CACHE="${TOLLGATE_CACHE:-$HOME/.cache/tollgate}"
START_TIMEOUT=30 # seconds to wait for a server to accept connections
STOP_TIMEOUT=15  # seconds to wait after SIGTERM before SIGKILL

log() { printf 'services: %s\n' "$*" >&2; }
die() {
  printf 'services: error: %s\n' "$*" >&2
  exit 1
}

# ours PIDFILE NEEDLE: true if PIDFILE holds the pid of a live (not zombie)
# process whose command line contains NEEDLE. The NEEDLE check keeps us from
# touching an unrelated process that reused an old pid.
ours() {
  local pid
  [[ -s $1 ]] || return 1
  pid="$(<"$1")"
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  grep -qE '^State:[[:space:]]+Z' "/proc/$pid/status" 2>/dev/null && return 1
  tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "$2"
}

# port_open PORT: true if something accepts TCP connections on 127.0.0.1:PORT.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port: print a loopback TCP port that is free right now.
free_port() {
  if command -v python3 >/dev/null 2>&1 &&
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null; then
    return
  fi
  local p i
  for i in $(seq 1 200); do
    p=$((20000 + RANDOM % 40000))
    port_open "$p" || {
      echo "$p"
      return
    }
  done
  die "could not find a free port"
}

# url_port URL: the port of a redis:// or mongodb:// URL with one host.
url_port() { sed -E 's#^[a-z]+://([^@/]*@)?[^:/]+:([0-9]+).*#\2#' <<<"$1"; }

# wait_ready NAME PIDFILE NEEDLE PORT LOG [LINE]: wait until PORT accepts
# connections (and LOG contains LINE, if given). Fail with the log tail if the
# process dies or START_TIMEOUT passes.
wait_ready() {
  local name=$1 pidfile=$2 needle=$3 port=$4 logf=$5 line=${6:-} i
  for ((i = 0; i < START_TIMEOUT * 10; i++)); do
    if port_open "$port" && { [[ -z $line ]] || grep -qF -- "$line" "$logf" 2>/dev/null; }; then
      return 0
    fi
    if ((i > 5)) && ! ours "$pidfile" "$needle"; then
      log "$name exited during startup; last lines of $logf:"
      tail -n 30 "$logf" >&2 || true
      return 1
    fi
    sleep 0.1
  done
  log "$name did not accept connections on 127.0.0.1:$port within ${START_TIMEOUT}s; last lines of $logf:"
  tail -n 30 "$logf" >&2 || true
  stop_pid "$name" "$pidfile" "$needle"
  return 1
}

# stop_pid NAME PIDFILE NEEDLE: SIGTERM our process, wait STOP_TIMEOUT, then SIGKILL.
stop_pid() {
  local name=$1 pidfile=$2 needle=$3 pid i
  if ours "$pidfile" "$needle"; then
    pid="$(<"$pidfile")"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
      ours "$pidfile" "$needle" || break
      sleep 0.1
    done
    if ours "$pidfile" "$needle"; then
      log "$name (pid $pid) did not stop after ${STOP_TIMEOUT}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    log "stopped $name (pid $pid)"
  fi
  rm -f "$pidfile"
}

# ---------------------------------------------------------------- Redis

install_redis() {
  [[ $(id -u) == 0 ]] || die "redis-server is not installed; install it (apt-get install redis-server) or set REDIS_URL"
  command -v apt-get >/dev/null 2>&1 || die "redis-server is not installed and there is no apt-get; set REDIS_URL"
  log "installing redis-server with apt-get ..."
  # Keep the package's postinst from starting Debian's own redis service: we
  # run only our own process. policy-rc.d exit code 101 means "action forbidden".
  local policy=/usr/sbin/policy-rc.d added=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && added=1
  fi
  local rc=0
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server; } >&2 || rc=$?
  ((added)) && rm -f "$policy"
  ((rc == 0)) || die "apt-get install redis-server failed"
}

redis_ping() { [[ $(timeout 5 redis-cli -u "$1" ping 2>/dev/null) == PONG ]]; }

redis_up() {
  local pidfile="$STATE/redis.pid" urlfile="$STATE/redis.url" url port
  local own_url=""
  [[ -s $urlfile ]] && own_url="$(<"$urlfile")"

  # 1. An explicit REDIS_URL that is not our own earlier server wins if it answers.
  if [[ -n ${REDIS_URL:-} && ${REDIS_URL} != "$own_url" ]]; then
    command -v redis-cli >/dev/null 2>&1 || install_redis
    if redis_ping "$REDIS_URL"; then
      stop_pid redis-server "$pidfile" redis-server
      echo "$REDIS_URL" >"$urlfile"
      echo external >"$STATE/redis.kind"
      log "redis: using REDIS_URL=$REDIS_URL"
      REDIS_OUT=$REDIS_URL
      return
    fi
    log "redis: REDIS_URL=$REDIS_URL does not answer PING; starting a local redis-server"
  fi

  # 2. Our redis-server from an earlier `up` is still running: reuse it.
  if [[ -n $own_url ]] && ours "$pidfile" redis-server && redis_ping "$own_url"; then
    log "redis: reusing running redis-server (pid $(<"$pidfile")) at $own_url"
    REDIS_OUT=$own_url
    return
  fi
  stop_pid redis-server "$pidfile" redis-server

  # 3. Start our own.
  command -v redis-server >/dev/null 2>&1 || install_redis
  command -v redis-server >/dev/null 2>&1 || die "redis-server still not found after install"
  mkdir -p "$STATE/redis"
  : >"$STATE/redis.log"
  port="$(free_port)"
  # AOF with fsync every second, as in compose: a restart keeps what was written up to about a
  # second before (no snapshots: --save ''). The access state survives a loss anyway (it is rebuilt
  # from Mongo); AOF bounds the usage that can be lost to that second.
  # noeviction: a full memory is an error, never silently dropped keys.
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly yes --appendfsync everysec \
    --maxmemory-policy noeviction --daemonize yes \
    --pidfile "$pidfile" --logfile "$STATE/redis.log" --dir "$STATE/redis" >&2 9>&- ||
    die "redis-server failed to start; see $STATE/redis.log"
  # With --daemonize, redis writes its pid file shortly after forking.
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s $pidfile ]] && break
    sleep 0.1
  done
  wait_ready redis-server "$pidfile" redis-server "$port" "$STATE/redis.log" || die "redis-server failed to start"
  url="redis://127.0.0.1:$port"
  redis_ping "$url" || die "redis-server on port $port does not answer PING"
  echo "$url" >"$urlfile"
  echo local >"$STATE/redis.kind"
  log "redis: started redis-server (pid $(<"$pidfile")) at $url"
  REDIS_OUT=$url
}

# ---------------------------------------------------------------- MongoDB

# ferretdb_bin: print the path of the FerretDB wrapper binary. The build is
# cached by a hash of its sources, so later runs (and fresh clones) skip it.
ferretdb_bin() {
  local src="$ROOT/tools/ferretdb" key dir bin tmp t0
  [[ -f $src/go.mod ]] || die "$src/go.mod not found"
  key="$(cd "$src" && LC_ALL=C sha256sum go.mod go.sum ./*.go | sha256sum | cut -c1-16)"
  dir="$CACHE/ferretdb-$key"
  bin="$dir/ferretdb"
  if [[ -x $bin ]]; then
    echo "$bin"
    return
  fi
  command -v go >/dev/null 2>&1 || die "no mongod and no MONGO_URL, and Go is missing, so FerretDB cannot be built"
  mkdir -p "$dir"
  tmp="$(mktemp "$dir/.ferretdb.XXXXXX")"
  log "mongo: building FerretDB wrapper into $bin (first time only; about a minute) ..."
  t0=$SECONDS
  # Pure Go (SQLite via modernc.org/sqlite), so CGO is not needed: the result
  # is a static binary. Build to a temp name, then rename: a concurrent or
  # interrupted build never leaves a half-written binary at $bin.
  if ! (cd "$src" && CGO_ENABLED=0 go build -trimpath -o "$tmp" .) >&2; then
    rm -f "$tmp"
    die "go build of tools/ferretdb failed"
  fi
  chmod 755 "$tmp"
  mv -f "$tmp" "$bin"
  log "mongo: built in $((SECONDS - t0))s"
  echo "$bin"
}

start_ferretdb() {
  local pidfile=$1 bin port data="$STATE/ferretdb-data" logf="$STATE/mongo.log"
  bin="$(ferretdb_bin)"
  for _ in 1 2 3; do
    rm -rf "$data"
    mkdir -p "$data"
    : >"$logf"
    port="$(free_port)"
    # setsid: its own session, so it outlives this script and a Ctrl-C in
    # the terminal. stdin is /dev/null; the wrapper exits on SIGTERM.
    setsid "$bin" -listen "127.0.0.1:$port" -dir "$data" >>"$logf" 2>&1 </dev/null 9>&- &
    echo $! >"$pidfile"
    if wait_ready ferretdb "$pidfile" "$bin" "$port" "$logf" "ferretdb: listening on"; then
      MONGO_OUT="mongodb://127.0.0.1:$port/tollgate"
      return
    fi
    # The free port may have been taken between picking it and binding it.
    grep -q 'address already in use' "$logf" || break
    log "mongo: port $port was taken; retrying"
  done
  die "FerretDB failed to start; see $logf"
}

start_mongod() {
  local pidfile=$1 port data="$STATE/mongod-data" logf="$STATE/mongo.log"
  rm -rf "$data"
  mkdir -p "$data"
  : >"$logf"
  port="$(free_port)"
  mongod --bind_ip 127.0.0.1 --port "$port" --dbpath "$data" --fork \
    --logpath "$logf" --pidfilepath "$pidfile" >&2 9>&- || {
    tail -n 30 "$logf" >&2 || true
    die "mongod failed to start; see $logf"
  }
  wait_ready mongod "$pidfile" mongod "$port" "$logf" || die "mongod failed to start"
  MONGO_OUT="mongodb://127.0.0.1:$port/tollgate"
}

mongo_up() {
  local pidfile="$STATE/mongo.pid" urlfile="$STATE/mongo.url" kindfile="$STATE/mongo.kind"
  local own_url="" kind=""
  [[ -s $urlfile ]] && own_url="$(<"$urlfile")"
  [[ -s $kindfile ]] && kind="$(<"$kindfile")"

  # 1. An explicit MONGO_URL that is not our own earlier server wins.
  if [[ -n ${MONGO_URL:-} && ${MONGO_URL} != "$own_url" ]]; then
    [[ $kind == ferretdb || $kind == mongod ]] && stop_pid "$kind" "$pidfile" "$kind"
    rm -f "$pidfile"
    echo "$MONGO_URL" >"$urlfile"
    echo external >"$kindfile"
    log "mongo: using MONGO_URL=$MONGO_URL"
    MONGO_OUT=$MONGO_URL MONGO_KIND=external
    return
  fi

  # 2. Our server from an earlier `up` is still running and accepting: reuse it.
  if [[ $kind == ferretdb || $kind == mongod ]] && ours "$pidfile" "$kind" &&
    port_open "$(url_port "$own_url")"; then
    log "mongo: reusing running $kind (pid $(<"$pidfile")) at $own_url"
    MONGO_OUT=$own_url MONGO_KIND=$kind
    return
  fi
  [[ $kind == ferretdb || $kind == mongod ]] && stop_pid "$kind" "$pidfile" "$kind"
  rm -f "$pidfile"

  # 3. Start our own: a real mongod if there is one, else FerretDB.
  if command -v mongod >/dev/null 2>&1; then
    start_mongod "$pidfile"
    MONGO_KIND=mongod
  else
    start_ferretdb "$pidfile"
    MONGO_KIND=ferretdb
  fi
  echo "$MONGO_OUT" >"$urlfile"
  echo "$MONGO_KIND" >"$kindfile"
  log "mongo: started $MONGO_KIND (pid $(<"$pidfile")) at $MONGO_OUT"
}

# ---------------------------------------------------------------- commands

cmd_up() {
  REDIS_OUT="" MONGO_OUT="" MONGO_KIND=""
  redis_up
  mongo_up
  local tmp
  tmp="$(mktemp "$STATE/.env.XXXXXX")"
  {
    echo "export REDIS_URL=$REDIS_OUT"
    echo "export MONGO_URL=$MONGO_OUT"
    echo "export MONGO_SERVER=$MONGO_KIND"
  } >"$tmp"
  chmod 644 "$tmp"
  mv -f "$tmp" "$ENV_FILE"
  log "wrote $ENV_FILE:"
  cat "$ENV_FILE" >&2
}

cmd_down() {
  local kind=""
  [[ -s $STATE/mongo.kind ]] && kind="$(<"$STATE/mongo.kind")"
  if [[ $kind == ferretdb || $kind == mongod ]]; then
    stop_pid "$kind" "$STATE/mongo.pid" "$kind"
  fi
  stop_pid redis-server "$STATE/redis.pid" redis-server
  rm -f "$ENV_FILE" "$STATE"/{redis,mongo}.{url,kind,pid}
  log "down"
}

cmd_status() {
  local rc=0 kind url
  for svc in redis mongo; do
    kind="" url=""
    [[ -s $STATE/$svc.kind ]] && kind="$(<"$STATE/$svc.kind")"
    [[ -s $STATE/$svc.url ]] && url="$(<"$STATE/$svc.url")"
    case $kind in
      "")
        log "$svc: not started"
        rc=1
        ;;
      external) log "$svc: external $url" ;;
      *)
        local needle=$kind
        [[ $svc == redis ]] && needle=redis-server
        if ours "$STATE/$svc.pid" "$needle"; then
          log "$svc: $kind running (pid $(<"$STATE/$svc.pid")) at $url"
        else
          log "$svc: $kind NOT running (was at $url)"
          rc=1
        fi
        ;;
    esac
  done
  return $rc
}

cmd_env() {
  [[ -s $ENV_FILE ]] || die "no $ENV_FILE; run: scripts/services.sh up"
  cat "$ENV_FILE"
}

main() {
  local cmd=${1:-}
  case $cmd in
    up | down | status | env) ;;
    *)
      echo "usage: $0 up|down|status|env" >&2
      exit 2
      ;;
  esac
  mkdir -p "$STATE"
  # .local/ holds only machine-local state: keep git from ever seeing it,
  # even if the repo's .gitignore does not list it.
  [[ -e $ROOT/.local/.gitignore ]] || echo '*' >"$ROOT/.local/.gitignore"
  # One `up`/`down` at a time (two concurrent `up`s would start two servers).
  # The servers are started with fd 9 closed (9>&-) so they do not hold the lock.
  if [[ $cmd == up || $cmd == down ]] && command -v flock >/dev/null 2>&1; then
    exec 9>"$STATE/.lock"
    flock -w 300 9 || die "another services.sh $cmd is running"
  fi
  "cmd_$cmd"
}

main "$@"
