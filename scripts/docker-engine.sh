# shellcheck shell=bash
# A Docker engine for local image builds and Testcontainers: reuses one that answers, otherwise starts dockerd by hand
# (no systemd here) with its data, exec root and socket in the checkout's ignored .local/docker/, and afterwards undoes
# what dockerd leaves on the host. Sourced, not run; needs REPO_ROOT. See shared/reference/local-infrastructure.md §3.
#
# The engine runs with --iptables=false --ip-forward=false: published ports still work through docker-proxy on
# 127.0.0.1, and the host's firewall and forwarding stay as they were. docker_engine_down still checks and restores them.

DOCKER_STATE=${PLATFORM_DOCKER_DIR:-$REPO_ROOT/.local/docker}
STARTED_DOCKER=0

docker_answers() { docker version >/dev/null 2>&1; }

docker_engine_up() {
  docker_answers && return 0
  # A socket path is limited to 108 bytes; a deep checkout falls back to /tmp.
  [ ${#DOCKER_STATE} -le 80 ] || DOCKER_STATE="/tmp/platform-docker-$(printf '%s' "$REPO_ROOT" | md5sum | cut -c1-8)"
  export DOCKER_HOST="unix://$DOCKER_STATE/docker.sock"
  if docker_answers; then
    # Left running by an interrupted run of ours: adopt it, so it is stopped at the end.
    [ -f "$DOCKER_STATE/host-state.before" ] && STARTED_DOCKER=1
    return 0
  fi
  [ "$(id -u)" = 0 ] || { echo "error: starting dockerd needs root" >&2; return 1; }
  command -v dockerd >/dev/null || {
    echo "==> apt-get install docker.io" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io >/dev/null
  } || return 1
  mkdir -p "$DOCKER_STATE"
  docker_host_state > "$DOCKER_STATE/host-state.before"
  echo "==> Starting dockerd (socket $DOCKER_STATE/docker.sock, log $DOCKER_STATE/dockerd.log)" >&2
  setsid dockerd --data-root "$DOCKER_STATE/data" --exec-root "$DOCKER_STATE/exec" --pidfile "$DOCKER_STATE/dockerd.pid" \
    -H "$DOCKER_HOST" --ip 127.0.0.1 --iptables=false --ip-forward=false \
    >"$DOCKER_STATE/dockerd.log" 2>&1 </dev/null &
  STARTED_DOCKER=1
  local _
  for _ in $(seq 1 100); do docker_answers && return 0; sleep 0.2; done
  echo "error: dockerd did not answer within 20 s; see $DOCKER_STATE/dockerd.log" >&2
  return 1
}

# What dockerd may change on the host: forwarding, the FORWARD policy, its chains and the docker0 bridge.
docker_host_state() {
  echo "ip_forward=$(cat /proc/sys/net/ipv4/ip_forward)"
  if command -v iptables >/dev/null; then
    echo "forward_policy=$(iptables -S FORWARD 2>/dev/null | sed -n 's/^-P FORWARD //p')"
    echo "docker_chains=$(iptables-save 2>/dev/null | grep -c '^:DOCKER')"
  fi
  echo "docker0=$(ip link show docker0 >/dev/null 2>&1 && echo yes || echo no)"
}

# Stops the engine this shell started (its containers first) and puts the host back as it was before.
docker_engine_down() {
  [ "$STARTED_DOCKER" = 1 ] || return 0
  local pid _
  pid=$(cat "$DOCKER_STATE/dockerd.pid" 2>/dev/null) || pid=""
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    docker ps -aq 2>/dev/null | xargs -r docker rm -f >/dev/null 2>&1
    echo "==> Stopping dockerd" >&2
    kill -TERM "$pid"
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { echo "warning: dockerd $pid did not stop in 30 s; killing it" >&2; kill -KILL "$pid"; }
  fi
  STARTED_DOCKER=0
  docker_restore_host
}

docker_restore_host() {
  local before="$DOCKER_STATE/host-state.before" ip_forward forward_policy docker_chains docker0 table rule chain
  [ -f "$before" ] || return 0
  ip_forward=$(sed -n 's/^ip_forward=//p' "$before")
  # No iptables before (docker.io brings it) means no rules: the policy was ACCEPT and there were no chains.
  forward_policy=$(sed -n 's/^forward_policy=//p' "$before"); forward_policy=${forward_policy:-ACCEPT}
  docker_chains=$(sed -n 's/^docker_chains=//p' "$before"); docker_chains=${docker_chains:-0}
  docker0=$(sed -n 's/^docker0=//p' "$before")
  if [ "$docker0" = no ] && ip link show docker0 >/dev/null 2>&1; then ip link delete docker0; fi
  if command -v iptables >/dev/null && [ "$docker_chains" = 0 ]; then
    for table in filter nat; do
      iptables-save -t "$table" | grep -E '^-A .*(DOCKER|docker0)' | grep -v '^-A DOCKER' | sed 's/^-A /-D /' |
        while read -r rule; do eval "iptables -t $table $rule"; done
      for chain in $(iptables-save -t "$table" | sed -n 's/^:\(DOCKER[^ ]*\) .*/\1/p'); do iptables -t "$table" -F "$chain"; done
      for chain in $(iptables-save -t "$table" | sed -n 's/^:\(DOCKER[^ ]*\) .*/\1/p'); do iptables -t "$table" -X "$chain"; done
    done
  fi
  if command -v iptables >/dev/null && [ "$(iptables -S FORWARD | sed -n 's/^-P FORWARD //p')" != "$forward_policy" ]; then
    iptables -P FORWARD "$forward_policy"
  fi
  if [ -n "$ip_forward" ] && [ "$(cat /proc/sys/net/ipv4/ip_forward)" != "$ip_forward" ]; then
    echo "$ip_forward" > /proc/sys/net/ipv4/ip_forward
  fi
  rm -f "$before"
  return 0
}
