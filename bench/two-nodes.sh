#!/usr/bin/env bash
# Two nodes of the packaged application on one PostgreSQL database, with one SMTP server (GreenMail): proves that
# every timer and asynchronous job runs once and every e-mail is sent once. See docs/operations.md
# ("Running more than one node"). Exits non-zero when a check fails.
#
#   bench/two-nodes.sh                      # 20 requests, 40 one-second timers
#   REQUESTS=50 TIMERS=200 bench/two-nodes.sh
#
# The database (NODES_DB, default madoguchi_nodes) is EMPTIED first. Needs PostgreSQL on 127.0.0.1:5432 with the
# role madoguchi/madoguchi owning that database (NODES_DB_USER, NODES_DB_PASSWORD to change).
set -euo pipefail
cd "$(dirname "$0")/.."

MVN_OPTS=${MVN_OPTS:--q}
echo "[two-nodes] building the jar and the check"
./mvnw $MVN_OPTS -DskipTests package
./mvnw $MVN_OPTS dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/two-nodes.classpath

JAR=$(ls target/madoguchi-*.jar | grep -v -- '-plain.jar' | head -n 1)
exec java -cp "target/test-classes:$(cat target/two-nodes.classpath)" \
  -Dnodes.jar="$JAR" \
  -Dnodes.db="${NODES_DB:-madoguchi_nodes}" \
  -Dnodes.db.user="${NODES_DB_USER:-madoguchi}" \
  -Dnodes.db.password="${NODES_DB_PASSWORD:-madoguchi}" \
  -Dnodes.requests="${REQUESTS:-20}" \
  -Dnodes.timers="${TIMERS:-40}" \
  -Dnodes.ports="${PORTS:-18081,18082}" \
  -Dnodes.logs=target/two-nodes \
  jp.madoguchi.cluster.TwoNodesCheck
