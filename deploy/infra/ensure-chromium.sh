#!/usr/bin/env bash
# Make sure Debian's chromium is at /usr/bin/chromium for the Playwright browser
# tests. Playwright cannot download its own browsers here, so the tests launch
# this one via ExecutablePath. Failure is only a warning here: the browser tests
# then fail saying Chromium is missing, and every other test can still run.
set -euo pipefail

log() { echo "[ensure-chromium] $*" >&2; }

# A CJK font too: the console is Chinese first, and its screenshots (test artifacts) must show the characters.
if [[ -x /usr/bin/chromium ]] && fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk"; then
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
log "installing chromium from apt"
start=$SECONDS
out="$(mktemp)"
# Recommended packages are kept (fonts-liberation among them) so pages render
# with real fonts. Try with the current package lists first; `apt-get update`
# only when that fails (fresh machines have empty lists).
if apt-get install -y -q chromium fonts-wqy-zenhei >"$out" 2>&1 \
  || { log "apt-get update (package lists missing or stale)"; { apt-get update -q && apt-get install -y -q chromium fonts-wqy-zenhei; } >"$out" 2>&1; }; then
  log "installed in $((SECONDS - start)) s"
else
  tail -n 20 "$out" >&2
  log "warning: could not install chromium or the CJK font; browser tests will fail"
fi
rm -f "$out"
exit 0
