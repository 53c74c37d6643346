#!/bin/sh
# Times one run of the local probes (a full /proc scan: processes, fd links, socket tables) over a
# generated large host (2,000 processes, 10,000 listening sockets) and over this machine.
# Usage: bench/local-probes.sh [ROUNDS]    Figures go to docs/performance.md with machine and date.
set -eu
cd "$(dirname "$0")/.."
./mvnw -q -o test-compile 2>/dev/null || ./mvnw -q test-compile
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null 2>&1 \
  || ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
echo "machine: $(uname -srm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "java:    $(java -version 2>&1 | head -1)"
echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)"
exec java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  dev.otlpdoctor.probe.local.LocalProbesBench "${1:-15}"
