#!/usr/bin/env bash
# Stop the local PostgreSQL cluster that ensure-postgres.sh started (fast mode: open sessions are ended at once, as in
# a crash of the server's clients). Used by the chaos test; ensure-postgres.sh starts it again.
set -euo pipefail

log() { echo "[stop-postgres] $*" >&2; }
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

cluster="$(pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | sort -V | tail -n 1)"
if [[ -z "$cluster" ]]; then
  log "no cluster known to pg_lsclusters; nothing to stop"
  exit 0
fi

start=$SECONDS
# shellcheck disable=SC2086
pg_ctlcluster $cluster stop -m fast >/dev/null 2>&1 || log "pg_ctlcluster $cluster stop returned non-zero (already stopped?)"
while port_open 5432; do
  if (( SECONDS - start >= 60 )); then
    log "error: 127.0.0.1:5432 still open after 60 s"
    exit 1
  fi
  sleep 0.5
done
log "PostgreSQL ($cluster) stopped after $((SECONDS - start)) s"
