#!/usr/bin/env bash
# Two nodes of the packaged application on one PostgreSQL database, with one SMTP server (GreenMail): proves that
# every timer and asynchronous job runs once and every e-mail is sent once. Then it kills one node (kill -9) while
# it holds job locks and letter claims (the SMTP server keeps its answers meanwhile, so the node dies with messages
# taken but not recorded) and proves that the other node finishes everything: every timer passes once, every job the
# dead node held runs once on the other, every e-mail reaches the server, and only letters the dead node had
# claimed arrive twice, with the same Message-ID. The nodes run with short recovery times (job locks 15 s, stale
# claims 60 s), so the whole run takes a few minutes. See docs/operations.md ("Running more than one node").
# Exits non-zero when a check fails; the nodes' logs are in target/two-nodes/.
#
#   bench/two-nodes.sh                      # 20 requests, 40 one-second timers; then 10 requests, 300 timers
#   REQUESTS=50 TIMERS=200 DEATH_REQUESTS=20 DEATH_TIMERS=500 bench/two-nodes.sh
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
  -Dnodes.death-requests="${DEATH_REQUESTS:-10}" \
  -Dnodes.death-timers="${DEATH_TIMERS:-300}" \
  -Dnodes.ports="${PORTS:-18081,18082}" \
  -Dnodes.logs=target/two-nodes \
  jp.madoguchi.cluster.TwoNodesCheck
