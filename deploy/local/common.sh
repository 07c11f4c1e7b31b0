#!/usr/bin/env bash
# Shared by up.sh, down.sh and status.sh (sourced, not run). Defines where the state lives, which processes
# exist and on which ports, and how a process is recognised again later (PID plus its start time, so a PID the
# kernel has since handed to another program is never signalled).

ZGC_LOCAL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Everything a run leaves behind: processes.tsv, the signing key, logs/, app/ (published builds), data/ (files).
ZGC_LOCAL_STATE="${ZGC_LOCAL_STATE:-$ZGC_LOCAL_ROOT/artifacts/local}"
ZGC_LOCAL_STATE_FILE="$ZGC_LOCAL_STATE/processes.tsv"
# First port of the block; see port_of. Each process gets one port of its own on 127.0.0.1.
ZGC_LOCAL_BASE_PORT="${ZGC_LOCAL_BASE_PORT:-5100}"
ZGC_LOCAL_MAX_REPLICAS=10

# Start order: the console last, it only calls the others over HTTP.
ZGC_LOCAL_SERVICES=(intake review notice funding monitoring workflows console)

# Port of replica R (1-based) of a service: base + 10 * (position in the block) + R - 1, console at the base.
#   console 5100-5109, intake 5110-5119, review 5120-5129, notice 5130-5139,
#   funding 5140-5149, monitoring 5150-5159, workflows 5160-5169
port_of() {
  local service="$1" replica="$2" slot
  case "$service" in
    console) slot=0 ;; intake) slot=1 ;; review) slot=2 ;; notice) slot=3 ;;
    funding) slot=4 ;; monitoring) slot=5 ;; workflows) slot=6 ;;
    *) return 1 ;;
  esac
  echo $((ZGC_LOCAL_BASE_PORT + slot * 10 + replica - 1))
}

# The .NET project name of a service folder: intake -> Zgc.Intake.
project_of() { local s="$1"; echo "Zgc.${s^}"; }

is_service() {
  local s
  for s in "${ZGC_LOCAL_SERVICES[@]}"; do [[ "$s" == "$1" ]] && return 0; done
  return 1
}

# Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. Empty when it is gone.
# The command name (field 2) may contain spaces, so fields are counted after its closing parenthesis.
start_time_of() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
  stat="${stat##*) }"
  # After ") " the first field is field 3 (state); field 22 is the 20th from there.
  awk '{print $20}' <<<"$stat"
}

# True while the process recorded as PID + start time still runs (a zombie counts as gone).
is_ours_and_alive() {
  local pid="$1" started="$2" stat state
  [[ "$pid" =~ ^[0-9]+$ && "$started" =~ ^[0-9]+$ ]] || return 1
  stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  state="${stat%% *}"
  [[ "$state" != Z && "$state" != X ]] || return 1
  [[ "$(awk '{print $20}' <<<"$stat")" == "$started" ]]
}

# Rows of the state file, without the header: service replica port pid start_time log
state_rows() {
  [[ -f "$ZGC_LOCAL_STATE_FILE" ]] || return 0
  grep -v '^#' "$ZGC_LOCAL_STATE_FILE" | awk 'NF >= 6'
}
