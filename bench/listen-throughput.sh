#!/usr/bin/env bash
# Load benchmark of `otlpdoctor listen`: how many spans per second it accepts from the OpenTelemetry
# Java SDK exporter (gRPC and http/protobuf) with zero loss, and the sink's peak memory (VmHWM).
# The sink runs from target/otlpdoctor.jar exactly as a user starts it; the load generator is
# src/test/java/dev/otlpdoctor/bench/ListenLoad.java.
#
# Usage: bench/listen-throughput.sh [SECONDS] [THREADS] [BATCH]      (defaults: 20 4 512)
# Env:   GRPC_PORT, HTTP_PORT (defaults 24317, 24318), LISTEN_OPTS (extra JVM options for the sink)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"; threads="${2:-4}"; batch="${3:-512}"
grpc_port="${GRPC_PORT:-24317}"; http_port="${HTTP_PORT:-24318}"
work="target/bench"; mkdir -p "$work"

./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" >/dev/null
cp="target/test-classes:target/classes:$(cat "$work/classpath.txt")"

run() {
  local protocol="$1" endpoint="$2"
  # shellcheck disable=SC2086
  java ${LISTEN_OPTS:-} -jar target/otlpdoctor.jar listen --grpc-port "$grpc_port" --http-port "$http_port" \
      -o json >"$work/summary.json" 2>"$work/listen.err" &
  local pid=$!
  for _ in $(seq 1 100); do
    grep -q "Waiting for telemetry" "$work/listen.err" 2>/dev/null && break
    if ! kill -0 "$pid" 2>/dev/null; then cat "$work/listen.err" >&2; exit 1; fi
    sleep 0.1
  done
  local load
  load="$(java -cp "$cp" dev.otlpdoctor.bench.ListenLoad "$protocol" "$endpoint" "$seconds" "$threads" "$batch" 2>/dev/null)"
  local hwm rss
  hwm="$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$pid/status")"
  rss="$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")"
  # SIGTERM runs the same shutdown hook as Ctrl-C (a background job of a script ignores SIGINT).
  kill -TERM "$pid"
  wait "$pid" || true
  local received
  received="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["signals"]["traces"]["items"])' "$work/summary.json")"
  python3 - "$load" "$received" "$hwm" "$rss" <<'PY'
import json, sys
load = json.loads(sys.argv[1]); received = int(sys.argv[2])
loss = load["spansSent"] - received
print(f'{load["protocol"]:14} {load["threads"]} threads x {load["batch"]}-span batches, {load["seconds"]:.0f}s: '
      f'{load["spansPerSecond"]:,.0f} spans/s accepted, sent {load["spansSent"]:,}, received {received:,}, '
      f'lost {loss}, failed exports {load["spansFailed"]}, sink peak RSS {sys.argv[3]} MiB (now {sys.argv[4]} MiB)')
sys.exit(1 if loss != 0 or load["spansFailed"] != 0 else 0)
PY
}

run grpc "http://127.0.0.1:$grpc_port"
run http/protobuf "http://127.0.0.1:$http_port"
