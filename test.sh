#!/usr/bin/env bash
# Runs every test project: the whole suite on SQLite, the integration tests again on a throwaway
# PostgreSQL 15 cluster, and the browser journeys in Chromium. Installs PostgreSQL and Chromium from
# Debian when they are missing. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
RESULTS=$(mktemp -d /tmp/metodist-results.XXXXXX)
. scripts/throwaway-postgres.sh

log() { printf '\n== %s\n' "$*"; }

[ -x /usr/bin/chromium ] || { log "Installing Chromium from Debian"; install_debian_packages chromium; }

log "Starting a throwaway PostgreSQL 15 cluster"
start_throwaway_postgres || { echo "0 passed, 1 failed"; exit 1; }
export METODIST_TEST_PG="$METODIST_PG"

log "Building"
if ! dotnet build Metodist.slnx -c Release -nologo -v q; then
  echo "0 passed, 1 failed"
  exit 1
fi

run() { # name, project, extra args...
  local name=$1 project=$2; shift 2
  log "Tests: $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS" "$@"
}

run sqlite tests/Metodist.Tests
METODIST_TEST_DB=Postgres run postgres tests/Metodist.Tests --filter "Category!=Unit"
if [ -d tests/Metodist.BrowserTests ]; then run browser tests/Metodist.BrowserTests; fi

passed=0; failed=0; skipped=0; files=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  p=$(get passed); f=$(get failed); e=$(get error); t=$(get total); x=$(get executed)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
  skipped=$((skipped + ${t:-0} - ${x:-0}))
done
expected=2; [ -d tests/Metodist.BrowserTests ] && expected=3
if [ "$files" -lt "$expected" ]; then failed=$((failed + expected - files)); echo "A test run did not produce results."; fi
rm -rf "$RESULTS"
echo
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
