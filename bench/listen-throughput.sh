#!/usr/bin/env bash
# Load benchmark of `otlpdoctor listen`: how many spans per second it accepts from the OpenTelemetry
# Java SDK exporter (gRPC and http/protobuf) with zero loss, and the sink's peak memory (VmHWM).
# The sink runs from target/otlpdoctor.jar exactly as a user starts it; the load generator is
# src/test/java/dev/otlpdoctor/bench/ListenLoad.java.
#
# Usage: bench/listen-throughput.sh [SECONDS] [THREADS] [BATCH]      (defaults: 20 4 512)
# Env:   GRPC_PORT, HTTP_PORT (defaults 24317, 24318), LISTEN_OPTS (extra JVM options for the sink),
#        PROTOCOLS (default "grpc http/protobuf"),
#        SINK (default "./otlpdoctor": the launcher, with its JVM options for listen; or "java -jar OTHER.jar"
#        to measure another build with the same generator)
# Besides spans/s it reports the CPU time the sink and the load generator spent per span (from
# /proc/PID/stat and the generator's own process CPU time): on a machine shared with other work the
# rate says little, the CPU cost per span still says what each side needs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"; threads="${2:-4}"; batch="${3:-512}"
grpc_port="${GRPC_PORT:-24317}"; http_port="${HTTP_PORT:-24318}"
work="target/bench"; mkdir -p "$work"

./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" >/dev/null
cp="target/test-classes:target/classes:$(cat "$work/classpath.txt")"

# utime + stime of a process, in clock ticks.
cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$1/stat"
}

run() {
  local protocol="$1" endpoint="$2"
  # shellcheck disable=SC2086
  if [ -n "${SINK:-}" ]; then
    # shellcheck disable=SC2086
    ${SINK} listen --grpc-port "$grpc_port" --http-port "$http_port" -o json >"$work/summary.json" 2>"$work/listen.err" &
  else
    OTLPDOCTOR_JAVA_OPTS="${LISTEN_OPTS:-}" ./otlpdoctor listen --grpc-port "$grpc_port" --http-port "$http_port" \
        -o json >"$work/summary.json" 2>"$work/listen.err" &
  fi
  local pid=$!
  for _ in $(seq 1 100); do
    grep -q "Waiting for telemetry" "$work/listen.err" 2>/dev/null && break
    if ! kill -0 "$pid" 2>/dev/null; then cat "$work/listen.err" >&2; exit 1; fi
    sleep 0.1
  done
  local cpu_before load
  cpu_before="$(cpu_ticks "$pid")"
  load="$(java -cp "$cp" dev.otlpdoctor.bench.ListenLoad "$protocol" "$endpoint" "$seconds" "$threads" "$batch" 2>/dev/null)"
  local sink_ticks hwm rss
  sink_ticks=$(( $(cpu_ticks "$pid") - cpu_before ))
  hwm="$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$pid/status")"
  rss="$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")"
  # Where the sink's CPU went, by thread (names without their numbers): event loops, workers, GC, JIT.
  for task in /proc/"$pid"/task/*; do
    awk -v name="$(tr -d '0-9' < "$task/comm")" '{print name, $14 + $15}' "$task/stat"
  done | awk '{cpu[$1] += $2} END {for (n in cpu) if (cpu[n] > 0) print cpu[n], n}' | sort -rn \
    > "$work/threads-${protocol//\//-}.txt"
  # SIGTERM runs the same shutdown hook as Ctrl-C (a background job of a script ignores SIGINT).
  kill -TERM "$pid"
  wait "$pid" || true
  local received
  # (the JSON document starts at the first line that opens an object: a JFR recording in LISTEN_OPTS prints a line before it)
  received="$(python3 -c 'import json,re,sys; t=open(sys.argv[1]).read(); print(json.loads(t[re.search(r"^\{", t, re.M).start():])["signals"]["traces"]["items"])' "$work/summary.json")"
  python3 - "$load" "$received" "$hwm" "$rss" "$sink_ticks" "$(getconf CLK_TCK)" <<'PY'
import json, sys
load = json.loads(sys.argv[1]); received = int(sys.argv[2])
loss = load["spansSent"] - received
sink_cpu = int(sys.argv[5]) / int(sys.argv[6])
per_span = lambda seconds: seconds * 1e6 / max(received, 1)
print(f'{load["protocol"]:14} {load["threads"]} threads x {load["batch"]}-span batches, {load["seconds"]:.0f}s: '
      f'{load["spansPerSecond"]:,.0f} spans/s accepted, sent {load["spansSent"]:,}, received {received:,}, '
      f'lost {loss}, failed exports {load["spansFailed"]}, sink peak RSS {sys.argv[3]} MiB (now {sys.argv[4]} MiB); '
      f'CPU per span: sink {per_span(sink_cpu):.2f} us, generator {per_span(load["cpuSeconds"]):.2f} us')
sys.exit(1 if loss != 0 or load["spansFailed"] != 0 else 0)
PY
}

for protocol in ${PROTOCOLS:-grpc http/protobuf}; do
  case "$protocol" in
    grpc) run grpc "http://127.0.0.1:$grpc_port" ;;
    *) run "$protocol" "http://127.0.0.1:$http_port" ;;
  esac
done
