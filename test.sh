#!/usr/bin/env bash
# Tests the whole platform: installs what is missing, starts PostgreSQL and RabbitMQ (or reuses running ones / the
# ones in PLATFORM_PG + PLATFORM_AMQP + PLATFORM_RMQ_MGMT), builds, runs every test project, and ends with a plain
# "N passed, N failed" line. Exits non-zero on any failure.
#   ./test.sh                       everything
#   TEST_PROJECTS="Platform.Api.Tests" ./test.sh     only these .NET test projects (space-separated names)
set -uo pipefail
source "$(dirname "$0")/scripts/lib.sh"
set -e
ensure_tools
ensure_chromium
infra_up
build_frontends
build_dotnet
set +e

RESULTS="$REPO_ROOT/artifacts/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
export PLATFORM_TEST_PG="${PLATFORM_TEST_PG:-$(pg_connection postgres)}"
[ -n "${PLATFORM_PG:-}" ] && [ "$PLATFORM_PG" != "$(pg_connection platform)" ] && PLATFORM_TEST_PG="$PLATFORM_PG"
export PLATFORM_TEST_AMQP="$PLATFORM_AMQP" PLATFORM_TEST_RMQ_MGMT="${PLATFORM_RMQ_MGMT:-}"
export PLATFORM_CHROMIUM=/usr/bin/chromium

passed=0; failed=0; broken=()
count() { # file attribute
  sed -n "s/.*<Counters [^>]*\b$2=\"\([0-9]*\)\".*/\1/p" "$1" | head -1
}

projects=(${TEST_PROJECTS:-$(cd "$REPO_ROOT/tests" && ls -d *.Tests Platform.BrowserTests 2>/dev/null | sort -u)})
for name in "${projects[@]}"; do
  proj="$REPO_ROOT/tests/$name/$name.csproj"
  [ -f "$proj" ] || continue
  log "dotnet test $name"
  # Category=Docker: the Testcontainers smoke, which needs a Docker engine; scripts/testcontainers-smoke.sh runs it.
  dotnet test "$proj" --no-build -nologo --filter "Category!=Docker" --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$RESULTS" -- RunConfiguration.TestSessionTimeout=1800000
  trx="$RESULTS/$name.trx"
  if [ -f "$trx" ]; then
    p=$(count "$trx" passed); f=$(count "$trx" failed); t=$(count "$trx" total); e=$(count "$trx" executed)
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
    # A crashed or aborted run executes fewer tests than it found: count those as failures.
    missing=$(( ${t:-0} - ${e:-0} )); [ "$missing" -gt 0 ] && { failed=$((failed + missing)); broken+=("$name ($missing not run)"); }
  else
    failed=$((failed + 1)); broken+=("$name (no results)")
  fi
done

if [ -z "${TEST_PROJECTS:-}" ] && [ -f "$REPO_ROOT/src/Platform.MiniApp/package.json" ]; then
  log "npm test (mini-app)"
  junit="$RESULTS/miniapp-junit.xml"
  (cd "$REPO_ROOT/src/Platform.MiniApp" && npx vitest run --reporter=default --reporter=junit --outputFile.junit="$junit")
  if [ -f "$junit" ]; then
    t=$(sed -n 's/.*<testsuites[^>]*tests="\([0-9]*\)".*/\1/p' "$junit" | head -1)
    f=$(sed -n 's/.*<testsuites[^>]*failures="\([0-9]*\)".*/\1/p' "$junit" | head -1)
    er=$(sed -n 's/.*<testsuites[^>]*errors="\([0-9]*\)".*/\1/p' "$junit" | head -1)
    passed=$((passed + ${t:-0} - ${f:-0} - ${er:-0})); failed=$((failed + ${f:-0} + ${er:-0}))
  else
    failed=$((failed + 1)); broken+=("Platform.MiniApp (no results)")
  fi
fi

[ ${#broken[@]} -gt 0 ] && printf 'incomplete: %s\n' "${broken[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
