#!/usr/bin/env bash
# Stop the RabbitMQ broker started by ensure-rabbitmq.sh and wait until
# 127.0.0.1:5672 is closed. Tests use it to simulate a broker outage, then call
# ensure-rabbitmq.sh to bring it back. Safe to call when nothing is running.
set -euo pipefail

export ERL_EPMD_ADDRESS=127.0.0.1   # if a CLI tool has to start epmd, keep it on loopback
TIMEOUT="${ZGC_RABBITMQ_STOP_TIMEOUT:-60}"

log() { echo "[stop-rabbitmq] $*" >&2; }
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

if ! command -v rabbitmqctl >/dev/null 2>&1; then
  exit 0   # never installed, so nothing can be running
fi

start=$SECONDS
# `stop` halts the node and the Erlang VM; it returns once the node has gone.
# Failure means no node was running, which is fine.
rabbitmqctl -q stop >/dev/null 2>&1 || true
# epmd outlives the node; kill it so the next start is from a clean state.
epmd -kill >/dev/null 2>&1 || true

while port_open 5672; do
  if (( SECONDS - start >= TIMEOUT )); then
    log "error: 127.0.0.1:5672 still open after ${TIMEOUT} s"
    exit 1
  fi
  sleep 0.5
done
log "RabbitMQ stopped after $((SECONDS - start)) s"
