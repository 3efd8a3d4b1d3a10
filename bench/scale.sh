#!/usr/bin/env bash
# The read paths at scale: the Tasklist, the managers' filters and our own tables' queries with 1k and 10k open
# requests (LEVELS; the page in docs was made with LEVELS=1000,10000,25000,50000, about half an hour of filling), on PostgreSQL (database madoguchi_bench, EMPTIED first), in a heap of 512 MB (the bench profile's
# -Xmx; HEAP=1g for another). Writes docs/performance-scale.md (REPORT=other.md for another page, REPORT= for none).
# Filling 10k requests through the models takes a while on 2 cores: LEVELS=1000 for a quick look.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib.sh
empty_bench_database

./mvnw ${MVN_OPTS:--q} test -Pbench -Dtest=OpenRequestsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DMADOGUCHI_BENCH_DB_NAME="$DB" \
  -Dbench.open-levels="${LEVELS:-1000,10000}" \
  -Dbench.threads="${K:-4}" \
  -Dbench.query-repeats="${REPEATS:-30}" \
  ${HEAP:+-Dbench.heap="$HEAP"} \
  -Dbench.scale-report="${REPORT-docs/performance-scale.md}"
