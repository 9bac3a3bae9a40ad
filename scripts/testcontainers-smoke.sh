#!/usr/bin/env bash
# Runs the Testcontainers path of tests/Platform.Testing/TestInfrastructure.cs for real (the normal ./test.sh uses native
# PostgreSQL and RabbitMQ and skips it): starts a Docker engine by hand if none answers, builds the local images
# (deploy/testcontainers/build-images.sh), runs only TestcontainersSmokeTests, prints "N passed, N failed", stops the
# engine it started and restores the host (docker0, iptables, ip_forward). Exits non-zero on any failure.
# Root on Debian 12 when it has to install docker.io/debootstrap or start dockerd; see deploy/README.md.
set -uo pipefail
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$REPO_ROOT/scripts/docker-engine.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
RESULTS="$REPO_ROOT/artifacts/testcontainers-smoke"
PROJECT="$REPO_ROOT/tests/Platform.Data.Tests/Platform.Data.Tests.csproj"
FILTER="FullyQualifiedName~Platform.Data.Tests.TestcontainersSmokeTests"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
fail() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; echo "0 passed, 1 failed"; exit 1; }
timings=()
step() { timings+=("$(printf '%-22s %4d s' "$1" "$((SECONDS - $2))")"); }

total=$SECONDS
trap docker_engine_down EXIT

t=$SECONDS
docker_engine_up || fail "no Docker engine"
step "engine" "$t"
# Testcontainers 4.17 speaks API 1.44 unless told otherwise; Debian's engine 20.10 stops at 1.41.
export DOCKER_API_VERSION=${DOCKER_API_VERSION:-$(docker version --format '{{.Server.APIVersion}}')}
export TESTCONTAINERS_RYUK_DISABLED=true     # Ryuk's image cannot be pulled; the fixture and docker_engine_down clean up
export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 # else it connects through the docker0 gateway
log "DOCKER_HOST=${DOCKER_HOST:-(default)} DOCKER_API_VERSION=$DOCKER_API_VERSION"

t=$SECONDS
"$REPO_ROOT/deploy/testcontainers/build-images.sh" || fail "image build failed"
step "images" "$t"

t=$SECONDS
log "dotnet build Platform.Data.Tests"
dotnet build "$PROJECT" -nologo -clp:ErrorsOnly -v:quiet || fail "build failed"
step "dotnet build" "$t"

# The fixture takes the Testcontainers path only without these; the Docker facts run only with PLATFORM_TEST_DOCKER=1.
unset PLATFORM_TEST_PG PLATFORM_TEST_AMQP PLATFORM_TEST_RMQ_MGMT
export PLATFORM_TEST_DOCKER=1
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
t=$SECONDS
log "dotnet test --filter TestcontainersSmokeTests"
dotnet test "$PROJECT" --no-build -nologo --filter "$FILTER" --results-directory "$RESULTS" \
  --logger "trx;LogFileName=smoke.trx" --logger "console;verbosity=detailed" 2>&1 | tee "$RESULTS/console.log"
step "smoke test" "$t"

count() { sed -n "s/.*<Counters [^>]*\b$1=\"\([0-9]*\)\".*/\1/p" "$RESULTS/smoke.trx" | head -1; }
passed=0; failed=1
if [ -f "$RESULTS/smoke.trx" ]; then
  passed=$(count passed); failed=$(count failed); total_tests=$(count total); executed=$(count executed)
  passed=${passed:-0}; failed=${failed:-0}
  # Skipped or never-run tests mean the Docker facts did not run: that is a failure of the smoke.
  missing=$(( ${total_tests:-0} - passed - failed ))
  [ "$missing" -gt 0 ] && { echo "$missing test(s) skipped or not run (executed: ${executed:-0})"; failed=$((failed + missing)); }
  [ "${total_tests:-0}" -eq 0 ] && { echo "no smoke test found"; failed=$((failed + 1)); }
fi

t=$SECONDS
docker_engine_down
step "engine stop + cleanup" "$t"
step "total" "$total"
echo
grep -ho '\[smoke\].*' "$RESULTS/console.log" 2>/dev/null | sort -u
printf '%s\n' "${timings[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
