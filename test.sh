#!/usr/bin/env bash
# Runs every test project: the whole suite on SQLite, the integration tests again on a throwaway
# PostgreSQL 15 cluster, and the browser journeys in Chromium. Installs PostgreSQL and Chromium from
# Debian when they are missing. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
PGBIN=/usr/lib/postgresql/15/bin
RESULTS=$(mktemp -d /tmp/metodist-results.XXXXXX)
PGDIR=""
PGPORT=""

log() { printf '\n== %s\n' "$*"; }

need_packages=()
[ -x "$PGBIN/initdb" ] || need_packages+=(postgresql-15)
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
if [ ${#need_packages[@]} -gt 0 ]; then
  log "Installing ${need_packages[*]} from Debian"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

free_port() {
  for _ in $(seq 1 50); do
    local p=$(( (RANDOM % 20000) + 40000 ))
    if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo $p; return; fi
  done
  echo 54329
}

as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

stop_postgres() {
  if [ -n "$PGDIR" ] && [ -d "$PGDIR/data" ]; then
    as_postgres "$PGBIN/pg_ctl -D $PGDIR/data -m immediate -w stop" >/dev/null 2>&1 || true
    rm -rf "$PGDIR"
  fi
}
trap stop_postgres EXIT

log "Starting a throwaway PostgreSQL 15 cluster"
PGDIR=$(mktemp -d /tmp/metodist-pg.XXXXXX)
chmod 755 "$PGDIR"
[ "$(id -u)" -eq 0 ] && chown postgres "$PGDIR"
PGPORT=$(free_port)
as_postgres "$PGBIN/initdb -D $PGDIR/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync" >"$RESULTS/initdb.log" 2>&1 \
  || { cat "$RESULTS/initdb.log"; echo "0 passed, 1 failed"; exit 1; }
as_postgres "$PGBIN/pg_ctl -D $PGDIR/data -l $PGDIR/server.log -w start -o \"-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\"" >/dev/null \
  || { cat "$PGDIR/server.log"; echo "0 passed, 1 failed"; exit 1; }
export METODIST_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
echo "PostgreSQL on port $PGPORT"

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
