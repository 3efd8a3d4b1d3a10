#!/usr/bin/env bash
# The benchmark: N complete requests through the real models and N through a bare model of the same user tasks,
# with K client threads, on PostgreSQL (database madoguchi_bench, EMPTIED first), plus pgbench's commit ceiling.
# Prints the figures and rewrites docs/performance.md. Reports; asserts nothing about speed. Not run in CI.
#
#   bench/run.sh                  # N=40, K=4
#   N=200 K=4 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-madoguchi_bench}
export PGHOST=${MADOGUCHI_DB_HOST:-127.0.0.1} PGPORT=${MADOGUCHI_DB_PORT:-5432}
export PGUSER=${MADOGUCHI_DB_USER:-madoguchi} PGPASSWORD=${MADOGUCHI_DB_PASSWORD:-madoguchi}
echo "[bench] emptying $DB"
psql -q -v ON_ERROR_STOP=1 -d "$DB" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;'

./mvnw ${MVN_OPTS:--q} test -Pbench -Dtest=LifecycleBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DMADOGUCHI_BENCH_DB_NAME="$DB" \
  -Dbench.lifecycles="${N:-40}" \
  -Dbench.threads="${K:-4}" \
  -Dbench.warmup="${WARMUP:-8}" \
  -Dbench.pgbench-seconds="${PGBENCH_SECONDS:-10}" \
  -Dbench.report="${REPORT:-docs/performance.md}"
