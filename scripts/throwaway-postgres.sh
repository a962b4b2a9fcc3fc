# Sourced by test.sh and bench/run.sh: installs PostgreSQL 15 from Debian if missing, starts a
# throwaway cluster on a free loopback port, exports METODIST_PG (a server connection string) and
# stops and removes the cluster when the calling script exits.
PGBIN=/usr/lib/postgresql/15/bin
METODIST_PGDIR=""

as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

install_debian_packages() { # package...
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

free_port() {
  # Below the kernel's ephemeral range (32768+), where client sockets could already hold the port.
  for _ in $(seq 1 50); do
    local p=$(( (RANDOM % 10000) + 20000 ))
    if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo $p; return; fi
  done
  echo 25432
}

stop_throwaway_postgres() {
  [ -n "$METODIST_PGDIR" ] || return 0
  if [ -f "$METODIST_PGDIR/data/postmaster.pid" ]; then
    as_postgres "$PGBIN/pg_ctl -D $METODIST_PGDIR/data -m immediate -w stop" >/dev/null 2>&1 || true
  fi
  rm -rf "$METODIST_PGDIR"
}

start_throwaway_postgres() {
  [ -x "$PGBIN/initdb" ] || install_debian_packages postgresql-15
  METODIST_PGDIR=$(mktemp -d /tmp/metodist-pg.XXXXXX)
  trap stop_throwaway_postgres EXIT
  chmod 755 "$METODIST_PGDIR"
  [ "$(id -u)" -eq 0 ] && chown postgres "$METODIST_PGDIR"
  as_postgres "$PGBIN/initdb -D $METODIST_PGDIR/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync" >"$METODIST_PGDIR/initdb.log" 2>&1 \
    || { cat "$METODIST_PGDIR/initdb.log"; return 1; }
  local port attempt
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_postgres "$PGBIN/pg_ctl -D $METODIST_PGDIR/data -l $METODIST_PGDIR/server.log -w start -o \"-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\"" >/dev/null; then
      export METODIST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      echo "PostgreSQL 15 on port $port"
      return 0
    fi
    echo "Port $port is taken, trying another (attempt $attempt)"
  done
  cat "$METODIST_PGDIR/server.log"
  return 1
}
