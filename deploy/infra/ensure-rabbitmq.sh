#!/usr/bin/env bash
# Make sure a RabbitMQ broker answers on 127.0.0.1:5672 (guest/guest, vhost "/").
#
# Development and CI machines have no systemd and no Docker engine, so the
# broker is the Debian `rabbitmq-server` package (3.10) started by hand with
# `-detached`. The script is idempotent and cheap when the broker
# is already up, and it is also the "start again" step for tests that stop the
# broker with stop-rabbitmq.sh to simulate an outage.
#
# Environment:
#   ZGC_INFRA_DIR   state root (default /tmp/zgc-infra); config goes to $ZGC_INFRA_DIR/rabbitmq
#   ZGC_RABBITMQ_START_TIMEOUT   seconds to wait for the port (default 60)
set -euo pipefail

STATE_DIR="${ZGC_INFRA_DIR:-/tmp/zgc-infra}/rabbitmq"
TIMEOUT="${ZGC_RABBITMQ_START_TIMEOUT:-60}"

# Every Erlang tool started below (server, rabbitmqctl, rabbitmq-plugins) may be
# the one that launches epmd; export the address so epmd never binds 0.0.0.0.
export ERL_EPMD_ADDRESS=127.0.0.1

log() { echo "[ensure-rabbitmq] $*" >&2; }

# True when something accepts TCP connections on 127.0.0.1:$1. Uses bash's
# /dev/tcp so no netcat is needed; `timeout` guards against a hanging connect.
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

if port_open 5672; then
  exit 0   # already up: nothing to do (the common, fast path)
fi

# Several test processes may call this at the same moment after an outage test;
# serialise them so only one installs/configures/starts, the others then find
# the port open. Every command below runs with `9>&-`: otherwise the broker and
# epmd daemons inherit the lock descriptor and hold the lock for ever.
mkdir -p "$STATE_DIR"
exec 9>"$STATE_DIR/.lock"
flock -w "$((TIMEOUT + 120))" 9 || { log "error: could not get $STATE_DIR/.lock"; exit 1; }
if port_open 5672; then
  exit 0
fi

# apt-get wrapper: try the install with the current package lists first and
# only run `apt-get update` (slow, network) when that fails - fresh machines
# have empty lists, warm ones usually do not need a refresh.
# Output goes to a log file and is shown only on failure (apt and debconf are chatty).
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

if ! command -v rabbitmq-server >/dev/null 2>&1; then
  log "installing rabbitmq-server from apt"
  start=$SECONDS
  apt_install rabbitmq-server 9>&-
  log "installed in $((SECONDS - start)) s"
fi

# Loopback-only configuration: by default RabbitMQ listens on every interface.
# Rewritten on each start so a changed template always takes effect. The
# directory must be readable by the `rabbitmq` user the Debian wrapper switches to.
mkdir -p "$STATE_DIR"
chmod 755 "$STATE_DIR"
cat > "$STATE_DIR/rabbitmq.conf" <<'CONF'
# Written by deploy/infra/ensure-rabbitmq.sh - loopback only, guest/guest allowed from localhost.
listeners.tcp.default = 127.0.0.1:5672
management.tcp.ip = 127.0.0.1
management.tcp.port = 15672
CONF
chmod 644 "$STATE_DIR/rabbitmq.conf"

# RABBITMQ_CONFIG_FILE is given without the .conf extension (new-style config).
export RABBITMQ_CONFIG_FILE="$STATE_DIR/rabbitmq"
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"

# The management UI/API is handy for diagnosing tests; --offline edits the
# enabled_plugins file without needing a running node. Not essential -> non-fatal.
# Run on every start (about 1-2 s, only when the broker is down anyway) rather
# than remembered in a marker file, which would go stale if the package is purged.
if ! rabbitmq-plugins --offline enable rabbitmq_management >/dev/null 2>&1 9>&-; then
  log "warning: could not enable rabbitmq_management (continuing without it)"
fi

# A node may be running but not yet listening (still booting, or a previous call
# of this script started it a moment ago). Starting a second one would fail with
# "node already running", so only start when no rabbit node answers.
node_running() { rabbitmqctl -q -t 5 status >/dev/null 2>&1 9>&-; }

start=$SECONDS
if ! node_running; then
  log "starting rabbitmq-server (loopback only)"
  # -detached returns immediately; readiness is checked below.
  rabbitmq-server -detached >/dev/null 2>&1 9>&- || log "rabbitmq-server -detached returned non-zero; waiting anyway"
fi

# Wait for the AMQP listener; it opens late in the boot sequence, after
# the core is up, so an open port means clients can connect.
while ! port_open 5672; do
  if (( SECONDS - start >= TIMEOUT )); then
    log "error: RabbitMQ did not open 127.0.0.1:5672 within ${TIMEOUT} s"
    for f in /var/log/rabbitmq/rabbit@*.log; do
      [[ -f "$f" ]] && { log "--- tail of $f"; tail -n 30 "$f" >&2; }
    done
    exit 1
  fi
  sleep 0.5
done
# await_startup confirms the boot finished (plugins included); bounded, non-fatal.
rabbitmqctl -q await_startup --timeout 30 >/dev/null 2>&1 9>&- || true
log "RabbitMQ ready on 127.0.0.1:5672 after $((SECONDS - start)) s"
