#!/usr/bin/env bash
# Summarise the VSTest .trx files in a directory: a per-project table, the names
# of failed tests, and as the very last line
#     N passed, N failed            or    N passed, N failed, N skipped
# Exit code 0 when nothing failed, 1 otherwise.
#
# Usage: summarize-trx.sh <results-dir>
#
# Besides <name>.trx the directory may hold <name>.rc files (written by test.sh)
# with the exit code of `dotnet test` for that project. They catch runs the trx
# cannot describe:
#   - no <name>.trx at all (test host crashed, build output missing, timeout) -> 1 failed
#   - non-zero exit but no failed test in the trx (e.g. run aborted)           -> 1 failed
# A trx whose run outcome is Failed/Error/Aborted/Timeout without any failed test
# counts as 1 failed too: a crashing test host (Environment.FailFast) leaves
# exactly that, and `dotnet test` still prints "Passed!" for it.
#
# Why outcomes are counted per <UnitTestResult> and not from <Counters>: xUnit v3
# reports a skipped test as outcome="NotExecuted", yet the Counters element still
# says notExecuted="0" (total=3 executed=2 for 1 passed/1 failed/1 skipped).
# Plain bash + awk (POSIX, works with Debian's mawk) so it needs no extra runtime.
set -euo pipefail

dir="${1:?usage: summarize-trx.sh <results-dir>}"
MAX_FAILED_NAMES="${ZGC_MAX_FAILED_NAMES:-40}"

# Prints "<passed> <failed> <skipped> <run-outcome>" on the first line, then one
# failed test name per line. Splitting records on '<' makes every XML element a
# record, whatever the line layout; attributes are read from the tag only
# (up to the first '>', which XmlWriter always escapes inside attribute values).
parse_trx() {
  awk -v RS='<' '
    function attr(tag, name,   m) {
      if (match(tag, name "=\"[^\"]*\"")) {
        m = substr(tag, RSTART + length(name) + 2, RLENGTH - length(name) - 3)
        gsub(/&lt;/, "<", m); gsub(/&gt;/, ">", m); gsub(/&quot;/, "\"", m)
        gsub(/&apos;/, "\047", m); gsub(/&amp;/, "\\&", m)
        return m
      }
      return ""
    }
    /^UnitTestResult[ \t\r\n]/ {
      tag = substr($0, 1, index($0, ">"))
      o = attr(tag, "outcome")
      if (o == "Passed" || o == "PassedButRunAborted" || o == "Warning") passed++
      else if (o == "NotExecuted" || o == "Inconclusive" || o == "NotRunnable" || o == "Pending" || o == "Disconnected") skipped++
      else { failed++; names[failed] = attr(tag, "testName") " [" o "]" }
      next
    }
    /^ResultSummary[ \t\r\n>]/ {
      summary = attr(substr($0, 1, index($0, ">")), "outcome")
    }
    END {
      printf "%d %d %d %s\n", passed, failed, skipped, (summary == "" ? "Unknown" : summary)
      for (i = 1; i <= failed; i++) print names[i]
    }
  ' "$1"
}

shopt -s nullglob
declare -A seen=()
names=()
for f in "$dir"/*.trx "$dir"/*.rc; do
  n="$(basename "$f")"; n="${n%.*}"
  if [[ -z "${seen[$n]:-}" ]]; then seen[$n]=1; names+=("$n"); fi
done
if ((${#names[@]})); then
  mapfile -t names < <(printf '%s\n' "${names[@]}" | LC_ALL=C sort)
fi

total_passed=0 total_failed=0 total_skipped=0
failed_lines=()
printf '%-50s %7s %7s %8s  %s\n' "Project" "Passed" "Failed" "Skipped" "Note"
for n in "${names[@]}"; do
  trx="$dir/$n.trx" rcfile="$dir/$n.rc"
  rc=""
  [[ -f "$rcfile" ]] && rc="$(tr -dc '0-9' < "$rcfile")"
  p=0 f=0 s=0 note=""
  if [[ -f "$trx" ]]; then
    {
      read -r p f s outcome || { p=0 f=0 s=0 outcome=Unreadable; }
      while IFS= read -r line; do failed_lines+=("$n: $line"); done
    } < <(parse_trx "$trx")
    if (( f == 0 )); then
      # The run itself failed without a failing test: aborted host, crash, etc.
      if [[ "$outcome" =~ ^(Unknown|Unreadable)$ ]]; then
        f=1 note="incomplete trx (no ResultSummary), exit ${rc:-?}"
      elif [[ -n "$rc" && "$rc" != 0 ]]; then
        f=1 note="dotnet test exited with $rc (run outcome: $outcome)"
      elif [[ "$outcome" =~ ^(Failed|Error|Aborted|Timeout)$ ]]; then
        # e.g. a test host that crashed after the last reported result.
        f=1 note="run outcome: $outcome"
      fi
    fi
    [[ -n "$note" ]] && failed_lines+=("$n: <whole project> [$note]")
    (( p + f + s == 0 )) && [[ -z "$note" ]] && note="no tests ran"
  else
    f=1 note="no trx: crashed or did not run (exit ${rc:-?})"
    failed_lines+=("$n: <whole project> [$note]")
  fi
  (( total_passed += p, total_failed += f, total_skipped += s )) || true
  printf '%-50s %7d %7d %8d  %s\n' "$n" "$p" "$f" "$s" "$note"
done

if ((${#failed_lines[@]})); then
  echo
  echo "Failed:"
  for ((i = 0; i < ${#failed_lines[@]} && i < MAX_FAILED_NAMES; i++)); do
    echo "  ${failed_lines[$i]}"
  done
  (( ${#failed_lines[@]} > MAX_FAILED_NAMES )) && echo "  ... and $(( ${#failed_lines[@]} - MAX_FAILED_NAMES )) more"
fi

echo
if (( total_skipped > 0 )); then
  echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
else
  echo "$total_passed passed, $total_failed failed"
fi
(( total_failed == 0 ))
