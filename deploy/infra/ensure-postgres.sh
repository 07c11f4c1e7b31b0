#!/usr/bin/env bash
# Make sure PostgreSQL answers on 127.0.0.1:5432 with user postgres / password
# postgres and max_connections >= 300.
#
# No systemd and no Docker on the development and CI machines, so this drives
# the Debian cluster tools (pg_lsclusters / pg_ctlcluster) directly. Debian's
# cluster listens on localhost only, which is what we want. Idempotent: when the
# server is up and already configured, it only runs two quick checks.
set -euo pipefail

MIN_CONNECTIONS="${ZGC_POSTGRES_MIN_CONNECTIONS:-300}"
TIMEOUT="${ZGC_POSTGRES_START_TIMEOUT:-60}"

log() { echo "[ensure-postgres] $*" >&2; }
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# Run psql as the postgres OS user over the Unix socket (peer auth, no password
# needed). `cd /` avoids "could not change directory" noise from su.
as_postgres_psql() {
  (cd / && su postgres -c "psql -X -q -t -A -v ON_ERROR_STOP=1 -c \"$1\"")
}

# apt-get wrapper: try the install with the current package lists first and only
# run `apt-get update` when that fails (fresh machines have empty lists).
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  local out; out="$(mktemp)"
  if ! apt-get install -y -q --no-install-recommends "$@" >"$out" 2>&1; then
    log "apt-get update (package lists missing or stale)"
    if ! { apt-get update -q && apt-get install -y -q --no-install-recommends "$@"; } >"$out" 2>&1; then
      tail -n 30 "$out" >&2; rm -f "$out"
      return 1
    fi
  fi
  rm -f "$out"
}

# Newest "<version> <cluster>" known to pg_lsclusters, e.g. "15 main" (empty if none).
first_cluster() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 0
  pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | sort -rV | head -n 1
}

wait_ready() {
  local start=$SECONDS
  until pg_isready -q -h 127.0.0.1 -p 5432; do
    if (( SECONDS - start >= TIMEOUT )); then
      log "error: PostgreSQL not ready on 127.0.0.1:5432 within ${TIMEOUT} s"
      ls /var/log/postgresql/*.log >/dev/null 2>&1 && tail -n 30 /var/log/postgresql/*.log >&2
      exit 1
    fi
    sleep 0.5
  done
}

started=$SECONDS
if ! port_open 5432; then
  cluster="$(first_cluster)"
  if [[ -z "$cluster" ]]; then
    # Installing the `postgresql` metapackage creates and configures "<ver> main".
    if ! dpkg -s postgresql >/dev/null 2>&1 || ! command -v pg_lsclusters >/dev/null 2>&1; then
      log "installing postgresql from apt"
      t=$SECONDS
      apt_install postgresql
      log "installed in $((SECONDS - t)) s"
    fi
    cluster="$(first_cluster)"
    if [[ -z "$cluster" ]]; then
      # Packages present but the cluster was dropped: recreate it for the newest server.
      ver="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf "%f\n" | sort -rV | head -n 1)"
      log "creating cluster $ver main"
      pg_createcluster "$ver" main >/dev/null
      cluster="$ver main"
    fi
  fi
  read -r ver name <<<"$cluster"
  log "starting cluster $ver $name"
  # pg_ctlcluster waits until the server accepts connections; without systemd
  # it starts the postmaster directly. Tolerate "already running" (e.g. up on a
  # different port) - readiness is checked below.
  pg_ctlcluster "$ver" "$name" start || log "pg_ctlcluster start returned non-zero; checking readiness anyway"
fi
wait_ready

# TCP connections use scram authentication, so the postgres user needs a known
# password. Only set it when a TCP login with it fails.
if ! PGPASSWORD=postgres psql -X -q -h 127.0.0.1 -p 5432 -U postgres -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
  log "setting password of user postgres"
  as_postgres_psql "ALTER USER postgres PASSWORD 'postgres'" >/dev/null
fi

# Many test processes (each with its own connection pool) run against one server;
# the Debian default of 100 connections is too few. max_connections needs a
# restart, so only restart when the current value is lower.
current="$(PGPASSWORD=postgres psql -X -q -t -A -h 127.0.0.1 -p 5432 -U postgres -d postgres -c 'SHOW max_connections')"
if (( current < MIN_CONNECTIONS )); then
  log "raising max_connections from $current to $MIN_CONNECTIONS (restart)"
  as_postgres_psql "ALTER SYSTEM SET max_connections = $MIN_CONNECTIONS" >/dev/null
  cluster="$(pg_lsclusters -h | awk '$3 == 5432 {print $1, $2; exit}')"
  read -r ver name <<<"$cluster"
  pg_ctlcluster "$ver" "$name" restart
  wait_ready
fi

if (( SECONDS - started > 0 )); then
  log "PostgreSQL ready on 127.0.0.1:5432 after $((SECONDS - started)) s"
fi
