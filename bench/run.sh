#!/usr/bin/env bash
# The benchmarks of the README, in one run on this machine:
#   1. import of N teachers from CSV on SQLite, against a minimal raw-SQL loader of the same file;
#   2. the teacher list with a search and a filter on an N-teacher region, over HTTP, on SQLite;
#   3. the same on a throwaway PostgreSQL 15 cluster;
#   4. import of N diagnostic results (one row per teacher of an N-teacher region), then of other scores for the same rows
#      (every result replaced), then of that file again (nothing to change), on SQLite and on that cluster;
#   5. drafting a route for every teacher with a deficit (routes draft-all) on an N-teacher region, per route, against
#      drafting a sample one by one as the page does, on SQLite and on that cluster.
# Usage: bench/run.sh [N]   (N = 100000 by default). Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/throwaway-postgres.sh
N=${1:-100000}
dotnet build bench/Metodist.Bench -c Release -nologo -v q
bench() { dotnet run -c Release --no-build --project bench/Metodist.Bench -- "$@"; }
echo; bench import --teachers "$N"
echo; bench list --provider Sqlite --teachers "$N"
echo; bench results --provider Sqlite --teachers "$N"
echo; bench drafts --provider Sqlite --teachers "$N"
start_throwaway_postgres
echo; bench list --provider Postgres --pg "$METODIST_PG" --teachers "$N"
echo; bench results --provider Postgres --pg "$METODIST_PG" --teachers "$N"
echo; bench drafts --provider Postgres --pg "$METODIST_PG" --teachers "$N"
