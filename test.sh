#!/usr/bin/env bash
# THE test command of this repository (CI runs it through .ci/run).
#
#   ./test.sh                      start local RabbitMQ/PostgreSQL/Chromium if needed, build, run all tests
#   ./test.sh --filter <expr>      pass a VSTest filter to every `dotnet test` (e.g. "FullyQualifiedName~Orders")
#   ./test.sh --no-infra           do not run deploy/infra/ensure-*.sh (servers already managed by you)
#   ./test.sh -- <args>            pass further arguments to every `dotnet test`
#
# Output: build status, one line per test project, a per-project table, and as the
# very last line "N passed, N failed" (", N skipped" when any were skipped).
# Exit code 0 only when the build succeeded and nothing failed.
#
# Environment (defaults shown):
#   ZGC_TEST_POSTGRES  Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres
#   ZGC_TEST_RABBITMQ  amqp://guest:guest@127.0.0.1:5672/
#   ZGC_TEST_PROJECT_TIMEOUT  seconds one test project may run before it is killed (default 1800)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$(pwd)"
RESULTS="$ROOT/artifacts/test-results"
INFRA="$ROOT/deploy/infra"

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; }

run_infra=1
extra_args=()
while (($#)); do
  case "$1" in
    --no-infra) run_infra=0 ;;
    --filter) [[ $# -ge 2 ]] || { echo "--filter needs an expression" >&2; exit 2; }
              extra_args+=(--filter "$2"); shift ;;
    --filter=*) extra_args+=(--filter "${1#--filter=}") ;;
    -h|--help) usage; exit 0 ;;
    --) shift; extra_args+=("$@"); break ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Plain, non-interactive MSBuild output in the log files.
export MSBUILDTERMINALLOGGER=off

# Results of a previous run must not leak into this summary.
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# (a) Local infrastructure. There is no Docker here, so integration tests use real
# servers on loopback, installed from apt and started on demand by these scripts.
# A failing ensure script is reported but does not stop the run: the tests that
# need the server then fail with a visible reason, the rest still run.
if ((run_infra)); then
  for s in ensure-rabbitmq ensure-postgres ensure-chromium; do
    "$INFRA/$s.sh" || echo "WARNING: $s.sh failed (exit $?); tests needing it will fail" >&2
  done
fi
# Set even with --no-infra: they describe where the servers are expected.
export ZGC_TEST_POSTGRES="${ZGC_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres}"
export ZGC_TEST_RABBITMQ="${ZGC_TEST_RABBITMQ:-amqp://guest:guest@127.0.0.1:5672/}"

# (b) One build of the whole solution; the test runs below use --no-build.
echo "== build (Release)"
start=$SECONDS
if ! dotnet build Zgc.slnx -c Release -nologo >"$RESULTS/build.log" 2>&1; then
  # Show each distinct compiler/MSBuild error once; fall back to the log tail.
  errors="$(grep -E ': error [A-Za-z]*[0-9]*:|: error :' "$RESULTS/build.log" | sed 's/^ *//' | LC_ALL=C sort -u || true)"
  if [[ -n "$errors" ]]; then
    head -n 60 <<<"$errors"
  else
    tail -n 40 "$RESULTS/build.log"
  fi
  echo "build FAILED after $((SECONDS - start)) s (full log: ${RESULTS#"$ROOT"/}/build.log)"
  echo
  echo "0 passed, 1 failed"
  exit 1
fi
echo "build ok ($((SECONDS - start)) s)"

# (c) Every test project, one after the other (they share the RabbitMQ and
# PostgreSQL servers, and some stop/start the broker).
mapfile -t projects < <(find tests -name '*.Tests.csproj' -not -path '*/bin/*' -not -path '*/obj/*' 2>/dev/null | LC_ALL=C sort)
echo "== test (${#projects[@]} projects)"

i=0
for proj in "${projects[@]}"; do
  i=$((i + 1))
  name="$(basename "$proj" .csproj)"
  if ! grep -qF "$proj" Zgc.slnx; then
    echo "WARNING: $proj is not in Zgc.slnx, so it was not built" >&2
  fi
  printf '[%d/%d] %-50s ' "$i" "${#projects[@]}" "$name"
  start=$SECONDS
  rc=0
  # IsTestingPlatformApplication=false: xunit.v3 4.x marks test projects as
  # Microsoft.Testing.Platform apps, and on the .NET 10 SDK `dotnet test` then
  # refuses the VSTest path ("Testing with VSTest target is no longer supported").
  # Run through VSTest + xunit.runner.visualstudio, which gives the trx logger.
  # `timeout` kills the whole process group (dotnet + testhost) of a hung run.
  timeout --kill-after=30 "${ZGC_TEST_PROJECT_TIMEOUT:-1800}" \
    dotnet test "$proj" -c Release --no-build -p:IsTestingPlatformApplication=false \
      --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" \
      ${extra_args[@]+"${extra_args[@]}"} >"$RESULTS/$name.log" 2>&1 || rc=$?
  echo "$rc" >"$RESULTS/$name.rc"   # lets summarize-trx.sh spot crashes and aborted runs
  if ((rc == 0)); then
    echo "ok ($((SECONDS - start)) s)"
  else
    note="exit $rc"; ((rc == 124 || rc == 137)) && note="TIMEOUT"
    echo "FAILED ($note, $((SECONDS - start)) s)"
    # The console output of the failing tests (message + stack), without the
    # adapter's duplicate [xUnit.net ...] diagnostics; the full log stays on disk.
    # (`|| true`: with pipefail, head closing the pipe early must not end the script.)
    { grep -v -e '^\[xUnit.net' -e '^ *$' "$RESULTS/$name.log" | head -n 80 | sed 's/^/    | /'; } || true
    echo "    (full log: ${RESULTS#"$ROOT"/}/$name.log)"
  fi
done

# (d) Totals from the trx files; the final line of this output is the verdict.
echo
echo "== summary"
exec "$INFRA/summarize-trx.sh" "$RESULTS"
