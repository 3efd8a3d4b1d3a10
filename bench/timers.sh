#!/usr/bin/env bash
# Timers falling due together: T open requests (real ones, filled through the models), each with its three deadline
# timers; the engine's clock is moved to each timer's due date in turn and the application's job executor, with the
# production settings, fires all T. Times due -> first and last firing, throughput, failed jobs and incidents, on
# PostgreSQL (database madoguchi_bench, EMPTIED first), in a heap of 512 MB (the bench profile's -Xmx). Writes
# docs/performance-timers.md (target: 1,000 timers within 60 s). Reports; asserts nothing about speed.
#
#   bench/timers.sh                                   # T=1000
#   T=200 REPORT=target/timers.md bench/timers.sh     # a quick look, the page left alone
#   HEAP=1g bench/timers.sh                           # another heap
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib.sh
empty_bench_database
ensure_autovacuum

./mvnw ${MVN_OPTS:--q} test -Pbench -Dtest=TimersBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DMADOGUCHI_BENCH_DB_NAME="$DB" \
  ${HEAP:+-Dbench.heap="$HEAP"} \
  -Dbench.timers="${T:-1000}" \
  -Dbench.threads="${K:-4}" \
  -Dbench.timers-report="${REPORT-docs/performance-timers.md}"
