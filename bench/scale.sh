#!/usr/bin/env bash
# The read paths at scale: every Tasklist filter that a desk, specialist, manager and system-owner user sees, its
# first page and its count, and our own tables' queries, at LEVELS open requests (default 1000,10000,25000,50000,
# 100000; LEVELS=1000,10000 for a look while developing), on PostgreSQL (database madoguchi_bench, BENCH_DB=other,
# EMPTIED first), in a heap of 512 MB (the bench profile's -Xmx; HEAP=1g for another). ANALYZE runs before each
# level's measurement; the plan of the slowest query of each level goes into the page. Writes
# docs/performance-scale.md (REPORT=other.md for another page, REPORT= for none).
# Filling: K threads (default 6), BATCH requests registered and started a transaction (default 10), each moved past
# its acknowledgement to its open task by the engine's process instance modification (ACKNOWLEDGE=true sends the
# acknowledgements instead, much slower). The engine's task tables are vacuumed before each level's ANALYZE, as
# PostgreSQL's autovacuum does after so many inserts (VACUUM=false: ANALYZE only).
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/lib.sh
empty_bench_database
ensure_autovacuum

./mvnw ${MVN_OPTS:--q} test -Pbench -Dtest=OpenRequestsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DMADOGUCHI_BENCH_DB_NAME="$DB" \
  -Dbench.open-levels="${LEVELS:-1000,10000,25000,50000,100000}" \
  -Dbench.threads="${K:-6}" \
  -Dbench.batch="${BATCH:-10}" \
  -Dbench.acknowledge="${ACKNOWLEDGE:-false}" \
  -Dbench.vacuum="${VACUUM:-true}" \
  -Dbench.query-repeats="${REPEATS:-30}" \
  ${HEAP:+-Dbench.heap="$HEAP"} \
  -Dbench.scale-report="${REPORT-docs/performance-scale.md}"
