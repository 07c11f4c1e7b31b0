#!/usr/bin/env bash
# Start the whole programme on this machine as separate processes: every service and the console on its own
# 127.0.0.1 port, on the local RabbitMQ and PostgreSQL (installed from apt and started when missing).
#
#   deploy/local/up.sh                               one process per service and the console
#   deploy/local/up.sh --replicas intake=2 --replicas workflows=3
#   deploy/local/up.sh --replicas all=2              two of every service (the console stays at one unless named)
#   deploy/local/up.sh --plan [--replicas ...]       print the process/port table and exit; starts nothing
#   deploy/local/up.sh --no-build                    reuse the last published build in the state folder
#   deploy/local/up.sh --no-infra                    RabbitMQ and PostgreSQL are yours; do not run the ensure scripts
#
# Stop with deploy/local/down.sh, watch with deploy/local/status.sh. Ports: see common.sh or deploy/README.md.
#
# Environment (defaults shown):
#   ZGC_LOCAL_STATE          artifacts/local      state folder: processes.tsv, signing-key, logs/, app/, data/
#   ZGC_LOCAL_BASE_PORT      5100                 first port of the block
#   ZGC_LOCAL_SIGNING_KEY    (generated per run)  the JWT signing key every process shares (Auth:SigningKey)
#   ZGC_LOCAL_POSTGRES       Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres
#   ZGC_LOCAL_DB_PREFIX      zgc_local            databases are <prefix>_<service>
#   ZGC_LOCAL_RABBITMQ       amqp://guest:guest@127.0.0.1:5672/
#   ZGC_LOCAL_VHOST          zgc-local            RabbitMQ virtual host (created when missing)
#   ZGC_LOCAL_ENVIRONMENT    Development          ASPNETCORE_ENVIRONMENT of every process
#   ZGC_LOCAL_READY_TIMEOUT  180                  seconds to wait for every /health/ready
#   OTEL_EXPORTER_OTLP_ENDPOINT                   when set, passed on: every process exports traces/metrics/logs
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() { sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; }

declare -A replicas=()
for s in "${ZGC_LOCAL_SERVICES[@]}"; do replicas[$s]=1; done
plan_only=0 build=1 infra=1
set_replicas() {
  local spec="$1" name count s
  [[ "$spec" =~ ^([a-z]+)=([0-9]+)$ ]] || { echo "--replicas wants service=N, got '$spec'" >&2; exit 2; }
  name="${BASH_REMATCH[1]}" count="${BASH_REMATCH[2]}"
  if ((count < 1 || count > ZGC_LOCAL_MAX_REPLICAS)); then
    echo "--replicas $spec: N must be 1..$ZGC_LOCAL_MAX_REPLICAS (each service has a block of $ZGC_LOCAL_MAX_REPLICAS ports)" >&2; exit 2
  fi
  if [[ "$name" == all ]]; then
    for s in "${ZGC_LOCAL_SERVICES[@]}"; do [[ "$s" == console ]] || replicas[$s]=$count; done
  elif is_service "$name"; then
    replicas[$name]=$count
  else
    echo "--replicas $spec: unknown service '$name' (one of: ${ZGC_LOCAL_SERVICES[*]}, all)" >&2; exit 2
  fi
}
while (($#)); do
  case "$1" in
    --replicas) [[ $# -ge 2 ]] || { echo "--replicas needs service=N" >&2; exit 2; }; set_replicas "$2"; shift ;;
    --replicas=*) set_replicas "${1#--replicas=}" ;;
    --plan) plan_only=1 ;;
    --no-build) build=0 ;;
    --no-infra) infra=0 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

# The processes to start, in order: "service replica port".
plan=()
for s in "${ZGC_LOCAL_SERVICES[@]}"; do
  for ((r = 1; r <= replicas[$s]; r++)); do plan+=("$s $r $(port_of "$s" "$r")"); done
done

if ((plan_only)); then
  printf '%-12s %-8s %s\n' service replica url
  for row in "${plan[@]}"; do
    read -r s r p <<<"$row"
    printf '%-12s %-8s %s\n' "$s" "$r" "http://127.0.0.1:$p"
  done
  exit 0
fi

log() { echo "[up] $*" >&2; }
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# One run at a time: a second up.sh would start a second set the first down.sh does not know about.
if [[ -f "$ZGC_LOCAL_STATE_FILE" ]]; then
  while read -r s r p pid started _; do
    if is_ours_and_alive "$pid" "$started"; then
      log "error: $s (replica $r, PID $pid) from an earlier up.sh still runs; run deploy/local/down.sh first"
      exit 1
    fi
  done < <(state_rows)
fi
for row in "${plan[@]}"; do
  read -r s r p <<<"$row"
  if port_open "$p"; then log "error: port $p (for $s replica $r) is already taken on 127.0.0.1"; exit 1; fi
done

mkdir -p "$ZGC_LOCAL_STATE/logs" "$ZGC_LOCAL_STATE/data"
POSTGRES="${ZGC_LOCAL_POSTGRES:-Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres}"
DB_PREFIX="${ZGC_LOCAL_DB_PREFIX:-zgc_local}"
RABBITMQ="${ZGC_LOCAL_RABBITMQ:-amqp://guest:guest@127.0.0.1:5672/}"
VHOST="${ZGC_LOCAL_VHOST:-zgc-local}"

# 1. RabbitMQ and PostgreSQL. Whether each was down before is remembered, so `down.sh --infra` stops only
#    what this run started.
infra_started=()
if ((infra)); then
  port_open 5672 || infra_started+=(rabbitmq)
  port_open 5432 || infra_started+=(postgres)
  "$ZGC_LOCAL_ROOT/deploy/infra/ensure-rabbitmq.sh"
  "$ZGC_LOCAL_ROOT/deploy/infra/ensure-postgres.sh"
fi

# 2. A virtual host of our own, so our queues never mix with the test suites' on the same broker.
if command -v rabbitmqctl >/dev/null 2>&1; then
  if ! rabbitmqctl -q list_vhosts 2>/dev/null | grep -qx "$VHOST"; then
    log "creating RabbitMQ virtual host $VHOST"
    rabbitmqctl -q add_vhost "$VHOST" >/dev/null
  fi
  rabbitmqctl -q set_permissions -p "$VHOST" guest '.*' '.*' '.*' >/dev/null
else
  log "warning: rabbitmqctl not found; assuming virtual host $VHOST exists on $RABBITMQ"
fi

# 3. One database per service. Services migrate on start (Database:MigrateOnStartup, default true), and EF
#    would create a missing database too, but replicas starting together would race to create it.
pg_value() { sed -n "s/.*\b$1=\([^;]*\).*/\1/p" <<<"$POSTGRES"; }
PGHOST="$(pg_value Host)" PGPORT="$(pg_value Port)" PGUSER="$(pg_value Username)" PGPASSWORD="$(pg_value Password)"
export PGHOST PGPORT="${PGPORT:-5432}" PGUSER PGPASSWORD
for s in "${ZGC_LOCAL_SERVICES[@]}"; do
  [[ "$s" == console ]] && continue   # the console owns no database
  db="${DB_PREFIX}_$s"
  if [[ -z "$(psql -X -q -t -A -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]]; then
    log "creating database $db"
    psql -X -q -d postgres -c "CREATE DATABASE \"$db\"" >/dev/null
  fi
done

# 4. Build once, then publish each host into the state folder: the running processes then never see their
#    DLLs overwritten by a later build in the source tree.
if ((build)); then
  log "building (Release)"
  start=$SECONDS
  if ! dotnet build "$ZGC_LOCAL_ROOT/deploy/local/Zgc.Local.slnx" -c Release -nologo -v q >"$ZGC_LOCAL_STATE/logs/build.log" 2>&1; then
    grep -E ': error ' "$ZGC_LOCAL_STATE/logs/build.log" | sort -u | head -n 30 >&2 || tail -n 30 "$ZGC_LOCAL_STATE/logs/build.log" >&2
    log "build failed; full log: $ZGC_LOCAL_STATE/logs/build.log"
    exit 1
  fi
  for s in "${ZGC_LOCAL_SERVICES[@]}"; do
    proj="$(project_of "$s")"
    rm -rf "$ZGC_LOCAL_STATE/app/$s"
    dotnet publish "$ZGC_LOCAL_ROOT/services/$s/$proj/$proj.csproj" -c Release --no-build -nologo -v q \
      -o "$ZGC_LOCAL_STATE/app/$s" >>"$ZGC_LOCAL_STATE/logs/build.log" 2>&1 \
      || { log "publish of $proj failed; see $ZGC_LOCAL_STATE/logs/build.log"; exit 1; }
  done
  log "built in $((SECONDS - start)) s"
fi
for s in "${ZGC_LOCAL_SERVICES[@]}"; do
  dll="$ZGC_LOCAL_STATE/app/$s/$(project_of "$s").dll"
  [[ -f "$dll" ]] || { log "error: $dll is missing (run without --no-build)"; exit 1; }
done

# 5. The shared JWT signing key: every process validates the tokens the console (or any) issues with it.
key_file="$ZGC_LOCAL_STATE/signing-key"
(umask 077; if [[ -n "${ZGC_LOCAL_SIGNING_KEY:-}" ]]; then
  printf '%s' "$ZGC_LOCAL_SIGNING_KEY" >"$key_file"
else
  # 48 random bytes: HMAC-SHA256 wants at least 32.
  head -c 48 /dev/urandom | base64 -w0 >"$key_file"
fi)
signing_key="$(cat "$key_file")"

# 6. Start every process in its own session (setsid), so it outlives this shell and a Ctrl-C here.
{
  echo "# written by deploy/local/up.sh at $(date -u +%FT%TZ); down.sh signals only these processes"
  echo "# infra-started: ${infra_started[*]:-none}"
  printf '# %s\t%s\t%s\t%s\t%s\t%s\n' service replica port pid start_time log
} >"$ZGC_LOCAL_STATE_FILE"
workflows_url="http://127.0.0.1:$(port_of workflows 1)/"
rabbit_uri="${RABBITMQ%/}/$VHOST"
for row in "${plan[@]}"; do
  read -r s r p <<<"$row"
  proj="$(project_of "$s")"
  logfile="$ZGC_LOCAL_STATE/logs/$s-$r.log"
  env_args=(
    "ASPNETCORE_URLS=http://127.0.0.1:$p"
    "ASPNETCORE_ENVIRONMENT=${ZGC_LOCAL_ENVIRONMENT:-Development}"
    "OTEL_SERVICE_NAME=$s"
    "OTEL_RESOURCE_ATTRIBUTES=service.instance.id=$s-$r"
    "Auth__SigningKey=$signing_key"
    "Database__Provider=Postgres"
    "Database__ConnectionString=$POSTGRES;Database=${DB_PREFIX}_{service}"
    # Shared by the replicas of a service: intake's attachments, notice's evidence.
    "Database__DataDirectory=$ZGC_LOCAL_STATE/data"
    "Messaging__Transport=RabbitMq"
    "Messaging__RabbitMq=$rabbit_uri"
    # Without appsettings every category logs at Information, EF's SQL commands included (the outbox polls
    # ten times a second): keep Microsoft.* at Warning, but show the "Now listening on" lines.
    "Logging__LogLevel__Microsoft=Warning"
    "Logging__LogLevel__Microsoft.Hosting.Lifetime=Information"
  )
  # The console reads lifecycle instances from the workflows API (its only API today).
  [[ "$s" == console ]] && env_args+=("Console__ApiBaseUrl=$workflows_url")
  [[ -n "${OTEL_EXPORTER_OTLP_ENDPOINT:-}" ]] && env_args+=("OTEL_EXPORTER_OTLP_ENDPOINT=$OTEL_EXPORTER_OTLP_ENDPOINT")
  echo "== $(date -u +%FT%TZ) starting $proj replica $r on 127.0.0.1:$p" >>"$logfile"
  (cd "$ZGC_LOCAL_STATE/app/$s" && exec env "${env_args[@]}" setsid dotnet "$proj.dll" >>"$logfile" 2>&1 </dev/null) &
  pid=$!
  # The subshell exec'd env, which exec'd setsid, which exec'd dotnet: one PID throughout. Wait for dotnet.
  for _ in $(seq 50); do
    [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == dotnet ]] && break
    sleep 0.1
  done
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$r" "$p" "$pid" "$(start_time_of "$pid")" "$logfile" >>"$ZGC_LOCAL_STATE_FILE"
  log "started $s replica $r: PID $pid, http://127.0.0.1:$p (log: ${logfile#"$ZGC_LOCAL_ROOT"/})"
done

# 7. Wait until every process answers /health/ready (its database and the broker are reachable).
timeout_s="${ZGC_LOCAL_READY_TIMEOUT:-180}"
start=$SECONDS
pending=("${plan[@]}")
while ((${#pending[@]})); do
  still=()
  for row in "${pending[@]}"; do
    read -r s r p <<<"$row"
    read -r pid started < <(state_rows | awk -v s="$s" -v r="$r" '$1 == s && $2 == r {print $4, $5}')
    if ! is_ours_and_alive "$pid" "$started"; then
      log "error: $s replica $r (PID $pid) exited; last lines of its log:"
      tail -n 25 "$ZGC_LOCAL_STATE/logs/$s-$r.log" >&2 || true
      log "stopping what was started"
      "$ZGC_LOCAL_ROOT/deploy/local/down.sh" >&2 || true
      exit 1
    fi
    curl -fsS -o /dev/null --max-time 3 "http://127.0.0.1:$p/health/ready" 2>/dev/null || still+=("$row")
  done
  pending=(${still[@]+"${still[@]}"})
  ((${#pending[@]})) || break
  if ((SECONDS - start >= timeout_s)); then
    log "error: not ready within $timeout_s s: $(printf '%s; ' "${pending[@]}")"
    log "the processes keep running; see $ZGC_LOCAL_STATE/logs, then deploy/local/down.sh"
    exit 1
  fi
  sleep 1
done
log "all ${#plan[@]} processes ready after $((SECONDS - start)) s"
"$ZGC_LOCAL_ROOT/deploy/local/status.sh" || true
echo
echo "Console: http://127.0.0.1:$(port_of console 1)/  (users: see services/console/README.md, password zgc-dev-password)"
echo "Stop:    deploy/local/down.sh"
