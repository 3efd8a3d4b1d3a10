# Shared by the benchmark scripts (sourced, not run): the PostgreSQL connection from the same variables as the
# application's postgres profile, and the benchmark database emptied before a run.

DB=${BENCH_DB:-madoguchi_bench}
export PGHOST=${MADOGUCHI_DB_HOST:-127.0.0.1} PGPORT=${MADOGUCHI_DB_PORT:-5432}
export PGUSER=${MADOGUCHI_DB_USER:-madoguchi} PGPASSWORD=${MADOGUCHI_DB_PASSWORD:-madoguchi}

# psql as the server's superuser, through the local socket (not this run's connection settings); fails where this
# shell may not act as it (not root, or no runuser).
superuser_psql() {
  [ "$(id -u)" = 0 ] && command -v runuser >/dev/null \
    && runuser -u postgres -- env -u PGHOST -u PGPORT -u PGUSER -u PGPASSWORD psql -Atq "$@"
}

# Drops everything in the benchmark database: every run starts from an empty schema.
empty_bench_database() {
  if ! psql -q -d "$DB" -c 'SELECT 1' >/dev/null 2>&1; then
    echo "[bench] cannot connect to database $DB as $PGUSER on $PGHOST:$PGPORT; create it first, e.g." >&2
    echo "        psql -h $PGHOST -U postgres -c \"CREATE DATABASE $DB OWNER $PGUSER\"" >&2
    exit 1
  fi
  echo "[bench] emptying $DB"
  psql -q -v ON_ERROR_STOP=1 -d "$DB" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;'
}

# The benchmarks measure the desk on a PostgreSQL run as in production, whose autovacuum keeps the planner's
# statistics current while tables grow. A server set up for CI may run without it (this project's CI machines have
# autovacuum = off): then a database that starts empty is never analysed during a run, every plan is made for empty
# tables, and a run measures those plans (the intake benchmark's staff queries took 14 s). Where this shell may act
# as the server's superuser (root on the database machine), autovacuum is switched on for the run and back after it;
# otherwise the run stops and says so. AUTOVACUUM=ignore runs anyway.
ensure_autovacuum() {
  if [ "$(psql -Atq -d "$DB" -c 'SHOW autovacuum')" = on ] || [ "${AUTOVACUUM:-}" = ignore ]; then
    return
  fi
  if superuser_psql -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
    echo "[bench] autovacuum is off on this server: on for this run (ALTER SYSTEM), back off when it ends"
    superuser_psql -d postgres -c 'ALTER SYSTEM SET autovacuum = on' -c 'SELECT pg_reload_conf()' >/dev/null
    trap "superuser_psql -d postgres -c 'ALTER SYSTEM RESET autovacuum' -c 'SELECT pg_reload_conf()' >/dev/null; echo '[bench] autovacuum reset'" EXIT
    sleep 1
  else
    echo "[bench] autovacuum is off on $PGHOST:$PGPORT: switch it on (production runs with it), or AUTOVACUUM=ignore" >&2
    exit 1
  fi
}

# The lifecycle benchmark counts the statements each phase sends (pg_stat_statements: counts the machine's load does
# not move, as rows written). The server must load the extension at start (shared_preload_libraries): this script
# does not restart a server, it says how. The extension is created in the (emptied) benchmark database, as the
# server's superuser when this shell may act as it; where the server does not load it, the page says "n/a".
ensure_statement_counts() {
  psql -q -d "$DB" -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' >/dev/null 2>&1 \
    || superuser_psql -d "$DB" -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' >/dev/null 2>&1 || true
  if psql -Atq -d "$DB" -c 'SELECT 1 FROM pg_stat_statements LIMIT 1' >/dev/null 2>&1; then
    echo "[bench] statements counted (pg_stat_statements)"
  else
    echo "[bench] statements are not counted: the server does not load pg_stat_statements (as its superuser:" \
      "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements', then restart the server)"
  fi
}
