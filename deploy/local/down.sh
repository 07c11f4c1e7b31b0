#!/usr/bin/env bash
# Stop exactly the processes deploy/local/up.sh started: the PIDs in its state file, each only while it is
# still the same process (same start time), so a PID the kernel has since reused is never signalled.
# SIGTERM first (graceful shutdown: in-flight messages finish, the outbox worker stops), SIGKILL for any
# still running after the timeout. Logs and data stay in the state folder.
#
#   deploy/local/down.sh            stop the services and the console
#   deploy/local/down.sh --infra    also stop RabbitMQ / PostgreSQL, but only those up.sh found down and started
#
# Environment: ZGC_LOCAL_STATE (default artifacts/local), ZGC_LOCAL_STOP_TIMEOUT (seconds, default 20).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

stop_infra=0
while (($#)); do
  case "$1" in
    --infra) stop_infra=1 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

log() { echo "[down] $*" >&2; }
TIMEOUT="${ZGC_LOCAL_STOP_TIMEOUT:-20}"

if [[ ! -f "$ZGC_LOCAL_STATE_FILE" ]]; then
  log "nothing to stop: no $ZGC_LOCAL_STATE_FILE"
  exit 0
fi

# Each row: service replica port pid start_time log. Signal the ones that are still ours.
running=()
while read -r s r _ pid started _; do
  if is_ours_and_alive "$pid" "$started"; then
    kill -TERM "$pid" 2>/dev/null && running+=("$s-$r:$pid:$started")
  else
    log "$s replica $r (PID $pid) is not running"
  fi
done < <(state_rows)

# Milliseconds, so a 1-second timeout is a full second (bash's SECONDS only counts whole seconds).
now_ms() { local t="${EPOCHREALTIME//[.,]/}"; echo $((t / 1000)); }
deadline=$(($(now_ms) + TIMEOUT * 1000))
while ((${#running[@]})); do
  left=()
  for item in "${running[@]}"; do
    IFS=: read -r name pid started <<<"$item"
    if is_ours_and_alive "$pid" "$started"; then left+=("$item"); else log "$name (PID $pid) stopped"; fi
  done
  running=(${left[@]+"${left[@]}"})
  ((${#running[@]})) || break
  if (($(now_ms) >= deadline)); then
    for item in "${running[@]}"; do
      IFS=: read -r name pid started <<<"$item"
      # Checked once more right before the signal: never KILL a process that is not ours.
      if is_ours_and_alive "$pid" "$started"; then
        log "$name (PID $pid) still running after $TIMEOUT s: SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
      fi
    done
    sleep 0.5
    break
  fi
  sleep 0.25
done

infra_line="$(grep -m1 '^# infra-started:' "$ZGC_LOCAL_STATE_FILE" || true)"
mv "$ZGC_LOCAL_STATE_FILE" "$ZGC_LOCAL_STATE_FILE.stopped"

if ((stop_infra)); then
  for what in ${infra_line#\# infra-started:}; do
    case "$what" in
      rabbitmq) log "stopping RabbitMQ (started by up.sh)"; "$ZGC_LOCAL_ROOT/deploy/infra/stop-rabbitmq.sh" ;;
      postgres)
        log "stopping PostgreSQL (started by up.sh)"
        cluster="$(pg_lsclusters -h 2>/dev/null | awk '$3 == 5432 {print $1, $2; exit}')"
        [[ -n "$cluster" ]] && pg_ctlcluster $cluster stop ;;
    esac
  done
fi
log "done"
