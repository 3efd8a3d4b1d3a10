#!/usr/bin/env bash
# The benchmark: N complete requests through the real models, N through their skeleton and N through a bare model
# of the same user tasks, with K client threads, in ROUNDS rounds (3) where the models take turns, on PostgreSQL (database madoguchi_bench, EMPTIED first), plus pgbench's commit ceiling, in
# a heap of 512 MB (the bench profile's -Xmx; HEAP=1g for another). Prints the figures, with the heap's limit and
# peak, and rewrites docs/performance.md (REPORT=other.md for another page, REPORT= for none). Reports; asserts
# nothing about speed. Not run in CI.
#
#   bench/run.sh                  # N=40, K=4, 3000 warm-up lifecycles of each in 3 turns of the three models
#                                 # (WARMUP_TURNS; the letters' and the engine's code compiled), the models taking
#                                 # turns in 3 rounds; about 24 minutes with N=300 on 2 cores (WARMUP=1000: about 13)
#   N=200 K=4 bench/run.sh
#   BENCH_DB=my_bench N=20 REPORT=target/run.md bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib.sh
empty_bench_database
ensure_autovacuum
ensure_statement_counts

./mvnw ${MVN_OPTS:--q} test -Pbench -Dtest=LifecycleBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DMADOGUCHI_BENCH_DB_NAME="$DB" \
  -Dbench.lifecycles="${N:-40}" \
  -Dbench.threads="${K:-4}" \
  -Dbench.rounds="${ROUNDS:-3}" \
  -Dbench.warmup="${WARMUP:-3000}" \
  -Dbench.warmup-turns="${WARMUP_TURNS:-3}" \
  -Dbench.pgbench-seconds="${PGBENCH_SECONDS:-10}" \
  ${HEAP:+-Dbench.heap="$HEAP"} \
  ${BENCH_JVM:+-Dbench.jvm="$BENCH_JVM"} \
  -Dbench.report="${REPORT-docs/performance.md}"
