#!/usr/bin/env bash
# Show every process deploy/local/up.sh started: alive or not, and its /health/ready answer.
# Exit code 0 only when every process runs and is ready.
#
# Environment: ZGC_LOCAL_STATE (default artifacts/local).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [[ ! -f "$ZGC_LOCAL_STATE_FILE" ]]; then
  echo "not running (no $ZGC_LOCAL_STATE_FILE)"
  exit 1
fi

all_ok=0
printf '%-12s %-8s %-8s %-24s %-10s %s\n' service replica pid url process health
while read -r s r p pid started _; do
  url="http://127.0.0.1:$p"
  if is_ours_and_alive "$pid" "$started"; then
    proc=running
    # The body is JSON: {"status":"Healthy",...}; show the status, or the HTTP code when there is no body.
    body="$(curl -sS --max-time 3 -w '\n%{http_code}' "$url/health/ready" 2>/dev/null || true)"
    code="${body##*$'\n'}"
    status="$(sed -n 's/.*"status":"\([A-Za-z]*\)".*/\1/p' <<<"${body%$'\n'*}" | head -n 1)"
    if [[ "$code" == 200 ]]; then health="ready (${status:-200})"; else health="NOT READY (${status:-HTTP ${code:-none}})"; all_ok=1; fi
  else
    proc=GONE health="-"
    all_ok=1
  fi
  printf '%-12s %-8s %-8s %-24s %-10s %s\n' "$s" "$r" "$pid" "$url" "$proc" "$health"
done < <(state_rows)
exit "$all_ok"
