#!/usr/bin/env bash
# A letter's PDF: PdfLetterWriter.write on one thread (an acknowledgement in Japanese, a name that changes with each
# letter), thread CPU time and bytes per letter at each deflate level of LEVELS (6,1: zlib's default and the desk's),
# the levels taking turns round after round after a warm-up. No database. Writes its section of docs/performance.md
# (REPORT=other.md for another page, REPORT= for none). Reports; asserts nothing about speed. Not run in CI.
#
#   bench/letters.sh
#   LEVELS=6,1,9 COUNT=200 ROUNDS=5 REPORT=target/letters.md bench/letters.sh
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw ${MVN_OPTS:--q} test -Pbench -Dtest=LetterPdfBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.letters.levels="${LEVELS:-6,1}" \
  -Dbench.letters.count="${COUNT:-300}" \
  -Dbench.letters.rounds="${ROUNDS:-3}" \
  -Dbench.letters.warm-up="${WARMUP:-800}" \
  -Dbench.letters-report="${REPORT-docs/performance.md}"
