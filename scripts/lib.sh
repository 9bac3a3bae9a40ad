# Shared set-up for ./run.sh and ./test.sh: installs what is missing, starts PostgreSQL and RabbitMQ on loopback
# (or uses the ones named by PLATFORM_PG / PLATFORM_AMQP), builds and migrates. Sourced, not run.
# Every step is idempotent: a second call reuses what is already running and keeps the data.

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STARTED_PG=0 STARTED_RMQ=0
PG_PORT=${PLATFORM_PG_PORT:-55432}
AMQP_PORT=${PLATFORM_AMQP_PORT:-55672}
RMQ_MGMT_PORT=${PLATFORM_RMQ_MGMT_PORT:-55673}
RMQ_DIST_PORT=${PLATFORM_RMQ_DIST_PORT:-55674}
PGBIN=/usr/lib/postgresql/15/bin
RMQBIN=/usr/lib/rabbitmq/bin
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# State lives in the checkout's ignored .local/ unless the postgres user cannot reach it (e.g. a clone under /root).
state_dir() {
  local dir="$REPO_ROOT/.local"
  mkdir -p "$dir"
  if id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
    dir="/tmp/platform-state-$(printf '%s' "$REPO_ROOT" | md5sum | cut -c1-8)"
    mkdir -p "$dir"; chmod 755 "$dir"
  fi
  echo "$dir"
}
STATE_DIR=${PLATFORM_STATE_DIR:-$(state_dir)}

apt_install() {
  [ "$(id -u)" = 0 ] || die "installing $* needs root (or install it yourself: apt-get install $*)"
  if [ ! -f "$STATE_DIR/.apt-updated" ] || [ -n "$(find "$STATE_DIR/.apt-updated" -mmin +720 2>/dev/null)" ]; then
    log "apt-get update"; apt-get update -qq && touch "$STATE_DIR/.apt-updated"
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_tools() {
  command -v dotnet >/dev/null || die ".NET SDK 10 is required (dotnet not on PATH)"
  command -v node >/dev/null || apt_install nodejs npm
  local node_major; node_major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$node_major" -ge 20 ] || die "Node.js 20 or newer is required for the mini-app build (found $(node --version))"
  command -v curl >/dev/null || apt_install curl ca-certificates
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
}

pg_connection() { echo "Host=127.0.0.1;Port=$PG_PORT;Database=${1:-platform};Username=platform;Password=platform"; }

pg_up() {
  if [ -n "${PLATFORM_PG:-}" ]; then log "PostgreSQL: using PLATFORM_PG"; return; fi
  [ -x "$PGBIN/initdb" ] || apt_install postgresql
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  local root="$STATE_DIR/pg"
  if runuser -u postgres -- "$PGBIN/pg_ctl" -D "$root/data" status >/dev/null 2>&1; then
    log "PostgreSQL already running on 127.0.0.1:$PG_PORT"
  elif "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
    # Another checkout's (or the machine's) server holds the port: share it, each checkout has its own databases anyway.
    log "PostgreSQL: reusing the server already listening on 127.0.0.1:$PG_PORT"
  else
    mkdir -p "$root"; chown postgres:postgres "$root"
    if [ ! -f "$root/data/PG_VERSION" ]; then
      log "PostgreSQL: initdb in $root"
      runuser -u postgres -- "$PGBIN/initdb" -D "$root/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$root/initdb.log"
    fi
    rm -f "$root/data/postmaster.pid"
    log "PostgreSQL: starting on 127.0.0.1:$PG_PORT"
    STARTED_PG=1
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $root -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  fi
  psql "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" -qtAc "SELECT 1 FROM pg_roles WHERE rolname='platform'" | grep -q 1 ||
    psql "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" -qc "CREATE ROLE platform LOGIN PASSWORD 'platform' CREATEDB"
  psql "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" -qtAc "SELECT 1 FROM pg_database WHERE datname='platform'" | grep -q 1 ||
    psql "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" -qc "CREATE DATABASE platform OWNER platform"
  export PLATFORM_PG; PLATFORM_PG=$(pg_connection platform)
}

pg_down() {
  [ -f "$STATE_DIR/pg/data/postmaster.pid" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$STATE_DIR/pg/data" -m fast -w stop >/dev/null 2>&1 || true
}

rmq_env() {
  local root="$STATE_DIR/rmq"
  export HOME_BEFORE_RMQ="${HOME:-}"
  # One Erlang node name per AMQP port: a second checkout on moved ports must not collide with (or stop) the first.
  local node="platform"; [ "$AMQP_PORT" = 55672 ] || node="platform-$AMQP_PORT"
  export RABBITMQ_NODENAME="$node@localhost" RABBITMQ_CONFIG_FILE="$root/rabbitmq" RABBITMQ_ENABLED_PLUGINS_FILE="$root/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$root/mnesia" RABBITMQ_LOG_BASE="$root/log" RABBITMQ_PID_FILE="$root/rabbit.pid"
  export RABBITMQ_DIST_PORT="$RMQ_DIST_PORT" RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" ERL_EPMD_ADDRESS=127.0.0.1
}

rmqctl() { ( rmq_env; HOME="$STATE_DIR/rmq" "$RMQBIN/rabbitmqctl" "$@" ); }

rmq_up() {
  if [ -n "${PLATFORM_AMQP:-}" ]; then log "RabbitMQ: using PLATFORM_AMQP"; return; fi
  [ -x "$RMQBIN/rabbitmq-server" ] || apt_install rabbitmq-server
  local root="$STATE_DIR/rmq"
  if [ -f "$root/rabbit.pid" ] && kill -0 "$(cat "$root/rabbit.pid")" 2>/dev/null && rmqctl -q status >/dev/null 2>&1; then
    log "RabbitMQ already running on 127.0.0.1:$AMQP_PORT"
  elif curl -fs -u guest:guest "http://127.0.0.1:$RMQ_MGMT_PORT/api/overview" >/dev/null 2>&1; then
    log "RabbitMQ: reusing the broker already listening on 127.0.0.1:$AMQP_PORT"
  else
    mkdir -p "$root"/{mnesia,log}
    cat > "$root/rabbitmq.conf" <<CONF
listeners.tcp.1 = 127.0.0.1:$AMQP_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RMQ_MGMT_PORT
loopback_users = none
CONF
    echo "[rabbitmq_management]." > "$root/enabled_plugins"
    log "RabbitMQ: starting on 127.0.0.1:$AMQP_PORT (about 10-15 s)"
    STARTED_RMQ=1
    ( rmq_env; HOME="$root" "$RMQBIN/rabbitmq-server" -detached ) >/dev/null 2>&1
    rmqctl -q wait --timeout 120 "$root/rabbit.pid" || die "RabbitMQ did not start; see $root/log"
  fi
  export PLATFORM_AMQP="amqp://guest:guest@127.0.0.1:$AMQP_PORT/"
  export PLATFORM_RMQ_MGMT="http://guest:guest@127.0.0.1:$RMQ_MGMT_PORT/"
}

rmq_down() {
  local root="$STATE_DIR/rmq"
  [ -f "$root/rabbit.pid" ] && rmqctl -q stop "$root/rabbit.pid" >/dev/null 2>&1 || true
}

# Docker Compose, where an engine answers, replaces the local processes (docker-compose.yml at the root).
compose_up() {
  [ -z "${PLATFORM_PG:-}${PLATFORM_AMQP:-}" ] || return 1
  [ "${PLATFORM_USE_DOCKER:-auto}" != "no" ] || return 1
  docker info >/dev/null 2>&1 && docker compose version >/dev/null 2>&1 || return 1
  log "Docker engine found: starting PostgreSQL and RabbitMQ with docker compose"
  (cd "$REPO_ROOT" && docker compose up -d --wait postgres rabbitmq) || return 1
  export PLATFORM_PG; PLATFORM_PG=$(pg_connection platform)
  export PLATFORM_AMQP="amqp://guest:guest@127.0.0.1:$AMQP_PORT/"
  export PLATFORM_RMQ_MGMT="http://guest:guest@127.0.0.1:$RMQ_MGMT_PORT/"
}

infra_up() {
  compose_up || { pg_up; rmq_up; }
}

# npm projects built before dotnet: each has package.json + package-lock.json and an npm "build" script.
FRONTENDS=(src/Platform.MiniApp tests/Invoicebox.Emulator/probe)

build_frontends() {
  local rel dir
  for rel in "${FRONTENDS[@]}"; do
    dir="$REPO_ROOT/$rel"
    [ -f "$dir/package.json" ] || continue
    if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
      log "$rel: npm ci"; (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in $rel"
    fi
    log "$rel: npm run build"; (cd "$dir" && npm run --silent build >/dev/null) || die "front-end build failed in $rel"
  done
}

build_dotnet() {
  log "dotnet build"
  (cd "$REPO_ROOT" && dotnet build Platform.slnx -nologo -clp:ErrorsOnly -v:quiet) || die "build failed"
}

# The Data Protection master key that encrypts the key ring (and so every stored secret). Kept in the state folder;
# PLATFORM_MASTER_KEY overrides it (production: from a secret store).
master_key() {
  if [ -z "${PLATFORM_MASTER_KEY:-}" ]; then
    [ -s "$STATE_DIR/master.key" ] || { head -c 32 /dev/urandom | base64 > "$STATE_DIR/master.key"; chmod 600 "$STATE_DIR/master.key"; }
    PLATFORM_MASTER_KEY=$(cat "$STATE_DIR/master.key")
  fi
  export DataProtection__MasterKey="$PLATFORM_MASTER_KEY"
}

migrate() {
  log "Applying migrations${1:+ and seeding the demo}"
  (cd "$REPO_ROOT/migrations/Platform.Migrations" &&
    ConnectionStrings__Platform="$PLATFORM_PG" dotnet bin/Debug/net10.0/Platform.Migrations.dll migrate ${1:+--seed-demo}) || die "migration failed"
}
