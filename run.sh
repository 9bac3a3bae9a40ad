#!/usr/bin/env bash
# Runs the whole platform locally: installs what is missing, starts PostgreSQL and RabbitMQ (or uses PLATFORM_PG /
# PLATFORM_AMQP), builds, migrates, seeds the demo once, starts the Invoicebox emulator, Platform.Api, Platform.Web and
# Platform.Workers, prints the URLs and demo logins, and on Ctrl-C stops everything it started.
set -uo pipefail
source "$(dirname "$0")/scripts/lib.sh"
set -e

API_PORT=${PLATFORM_API_PORT:-5100}
WEB_PORT=${PLATFORM_WEB_PORT:-5200}
WORKERS_PORT=${PLATFORM_WORKERS_PORT:-5300}
EMULATOR_PORT=${PLATFORM_EMULATOR_PORT:-5400}
API="http://127.0.0.1:$API_PORT" WEB="http://127.0.0.1:$WEB_PORT" WORKERS="http://127.0.0.1:$WORKERS_PORT" EMULATOR="http://127.0.0.1:$EMULATOR_PORT"
LOGS="$STATE_DIR/logs"
PIDS=()
declare -A NAMES

for port in "$API_PORT" "$WEB_PORT" "$WORKERS_PORT" "$EMULATOR_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is already in use (set PLATFORM_*_PORT to move it)"; fi
done

stop_all() {
  trap - INT TERM HUP EXIT
  # The terminal or a pipe may be gone already (a closed SSH session, `| tee`): stopping must still finish every step.
  trap '' PIPE HUP
  set +e
  for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  # Up to 30 s each: the workers may be finishing an Invoicebox call that is being slow.
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  [ ${#PIDS[@]} -gt 0 ] && { log "Stopped the platform" || true; }
  [ "$STARTED_RMQ" = 1 ] && { log "Stopping RabbitMQ"; rmq_down; epmd -kill >/dev/null 2>&1 || true; }
  [ "$STARTED_PG" = 1 ] && { log "Stopping PostgreSQL"; pg_down; }
  exit 0
}
trap stop_all INT TERM HUP EXIT

ensure_tools
infra_up
build_frontends
build_dotnet
master_key
export Demo__InvoiceboxBaseUrl="$EMULATOR"
migrate seed

export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
export ConnectionStrings__Platform="$PLATFORM_PG" RabbitMq__Url="$PLATFORM_AMQP" RabbitMq__ManagementUrl="${PLATFORM_RMQ_MGMT:-}"
export PublicUrls__ApiBaseUrl="$API" Dashboard__SignInUrl="$WEB/Account/Login" Portal__DashboardUrl="$WORKERS/hangfire"
# The emulator (on whatever port it runs) is the default Invoicebox address of a new shop, and the only local one allowed.
export Portal__EmulatorUrl="$EMULATOR" Portal__DefaultInvoiceboxBaseUrl="$EMULATOR" Emulator__PublicOrigin="$EMULATOR"
# The local demo reconciles every minute, so an order paid without a notification turns paid within about two minutes.
export Reconciliation__Cron="* * * * *" Reconciliation__MinAge="00:01:00"

mkdir -p "$LOGS"
start() { # name, project dir, dll, url
  log "Starting $1 on $4 (log: $LOGS/$1.log)"
  printf '\n===== %s: %s starting =====\n' "$(date -Is)" "$1" >>"$LOGS/$1.log"
  ( cd "$REPO_ROOT/$2" && exec setsid dotnet "bin/Debug/net10.0/$3.dll" --urls "$4" ) >>"$LOGS/$1.log" 2>&1 &
  PIDS+=($!)
  NAMES[$!]=$1
}
wait_healthy() { # name, url
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "$2" && return 0
    kill -0 "${PIDS[-1]}" 2>/dev/null || true
    sleep 0.5
  done
  die "$1 did not become healthy at $2; see $LOGS/$1.log"
}

start emulator tests/Invoicebox.Emulator Invoicebox.Emulator "$EMULATOR"
start api src/Platform.Api Platform.Api "$API"
start workers src/Platform.Workers Platform.Workers "$WORKERS"
start web src/Platform.Web Platform.Web "$WEB"
wait_healthy emulator "$EMULATOR/"
wait_healthy api "$API/health/live"
wait_healthy workers "$WORKERS/health/live"
wait_healthy web "$WEB/health/live"

cat <<BANNER

  The platform is running.

  Buyer mini-app inside the Invoicebox emulator (demo shop «Зерно», point of sale 1001):
    order mode     $EMULATOR/_emulator/parent?src=$API/m/1001/&mode=order
    suborder mode  $EMULATOR/_emulator/parent?src=$API/m/1001/&mode=suborder
    second shop    $EMULATOR/_emulator/parent?src=$API/m/1002/&mode=order

  Merchant portal and operator console   $WEB
    owner@zerno.demo       / Demo-pass-1001     (shop «Зерно», POS 1001)
    owner@romashka.demo    / Demo-pass-1002     (shop «Ромашка», POS 1002)
    operator@platform.demo / Operator-pass-1    (operator console, Hangfire dashboard)
    support@platform.demo  / Support-pass-1     (read-only dashboard)

  Hangfire dashboard       $WORKERS/hangfire
  Buyer API reference      $API/scalar   (OpenAPI: $API/openapi/v1.json)
  Invoicebox emulator      $EMULATOR/    (payment pages, control API /_emulator)
  RabbitMQ management      http://127.0.0.1:$RMQ_MGMT_PORT/ (guest/guest)
  Logs                     $LOGS/

  Press Ctrl-C to stop everything this script started.
BANNER

# A process that dies is reported, the others keep running (restart it by hand from the log's command, or Ctrl-C and
# run again); Ctrl-C stops everything.
running=("${PIDS[@]}")
while [ ${#running[@]} -gt 0 ]; do
  wait -n "${running[@]}" 2>/dev/null || true
  alive=()
  for pid in "${running[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then alive+=("$pid"); else log "${NAMES[$pid]} exited; see $LOGS/${NAMES[$pid]}.log (the others keep running; Ctrl-C stops them)"; fi
  done
  running=("${alive[@]}")
done
