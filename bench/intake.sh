#!/usr/bin/env bash
# Breach-day intake: the whole application on its HTTP port on PostgreSQL (database madoguchi_bench, EMPTIED first),
# job executor on with production's settings, in a heap of 512 MB (the bench profile's -Xmx; HEAP=1g for another).
# K HTTP clients in a closed loop POST requests to /api/requests (a document for every third) for PHASE_SECONDS while STAFF
# clients work the desk's tasks through the REST API; then the same K against a bare endpoint (a row and a
# one-user-task process through the same HTTP stack), in ROUNDS rounds (1). Several K in one run (K=2,4,8,16) find where the bare
# endpoint stops growing; prints `intake ratio` there and rewrites the intake part of docs/performance.md
# (REPORT=other.md for another page, REPORT= for none). BURST=10000 adds the burst: B requests as fast as the
# largest K can send them, timed until every acknowledgement and e-mail confirmation is sent. After the warm-up
# (WARMUP s of each endpoint, 240: with 120 the first measured phases still compiled for most of their 30 s; in two
# rounds, under the profiler from the first request: a JVM's first flight recording throws its compiled code away) it
# waits without load for the JIT compiler's queue, up to JIT_WAIT_MAX s (180). Reports; asserts nothing about speed.
# Not run in CI. The burst stops submitting after BURST_LIMIT_SECONDS (600, the target's ten minutes); a phase waits
# at most DRAIN_MINUTES (30) for its letters.
#
#   bench/intake.sh                               # K=2,4,8,16, 30 s per phase, no burst
#   K=8 PHASE_SECONDS=20 REPORT=target/intake.md bench/intake.sh
#   BURST=10000 bench/intake.sh                   # with the 10,000-request burst
#   K=8 WARMUP=10 PHASE_SECONDS=10 BURST=10000 bench/intake.sh   # the burst, with a short look at K=8 first
#   K=8,16 ROUNDS=2 bench/intake.sh               # each K twice, the K and the endpoints taking turns; sums per K
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib.sh
empty_bench_database
ensure_autovacuum

./mvnw ${MVN_OPTS:--q} test -Pbench -Dtest=IntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DMADOGUCHI_BENCH_DB_NAME="$DB" \
  -Dbench.intake.clients="${K:-2,4,8,16}" \
  -Dbench.intake.staff="${STAFF:-2}" \
  -Dbench.intake.staff-pause-ms="${STAFF_PAUSE_MS:-1000}" \
  -Dbench.intake.seconds="${PHASE_SECONDS:-30}" \
  -Dbench.intake.rounds="${ROUNDS:-1}" \
  -Dbench.intake.warmup-seconds="${WARMUP:-240}" \
  -Dbench.intake.jit-wait-max-seconds="${JIT_WAIT_MAX:-180}" \
  -Dbench.intake.burst="${BURST:-0}" \
  -Dbench.intake.burst-limit-seconds="${BURST_LIMIT_SECONDS:-600}" \
  -Dbench.intake.drain-minutes="${DRAIN_MINUTES:-30}" \
  ${HEAP:+-Dbench.heap="$HEAP"} \
  -Dbench.intake.report="${REPORT-docs/performance.md}"
