# Shared by the benchmark scripts (sourced, not run): the PostgreSQL connection from the same variables as the
# application's postgres profile, and the benchmark database emptied before a run.

DB=${BENCH_DB:-madoguchi_bench}
export PGHOST=${MADOGUCHI_DB_HOST:-127.0.0.1} PGPORT=${MADOGUCHI_DB_PORT:-5432}
export PGUSER=${MADOGUCHI_DB_USER:-madoguchi} PGPASSWORD=${MADOGUCHI_DB_PASSWORD:-madoguchi}

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
