#!/usr/bin/env bash
# The audit's hostile loads against `otlpdoctor listen` with its default limits (issue 20 #6 and #9):
# many idle connections, then many concurrent large uploads; reports whether a good client still gets
# through, what was refused, and the sink's peak memory (VmHWM).
#
# Usage: bench/listen-limits.sh [IDLE_CONNECTIONS] [UPLOADS] [UPLOAD_MIB]     (defaults: 2000 100 19)
# Env:   GRPC_PORT, HTTP_PORT (defaults 24317, 24318), LISTEN_OPTS (extra JVM options for the sink)
set -euo pipefail
cd "$(dirname "$0")/.."
idle="${1:-2000}"; uploads="${2:-100}"; mib="${3:-19}"
grpc_port="${GRPC_PORT:-24317}"; http_port="${HTTP_PORT:-24318}"
work="target/bench"; mkdir -p "$work"
[ -f target/otlpdoctor.jar ] || ./mvnw -q -B -DskipTests package

# shellcheck disable=SC2086
java ${LISTEN_OPTS:-} -jar target/otlpdoctor.jar listen --grpc-port "$grpc_port" --http-port "$http_port" \
    -o json >"$work/limits-summary.json" 2>"$work/limits-listen.err" &
pid=$!
for _ in $(seq 1 100); do
  grep -q "Waiting for telemetry" "$work/limits-listen.err" 2>/dev/null && break
  if ! kill -0 "$pid" 2>/dev/null; then cat "$work/limits-listen.err" >&2; exit 1; fi
  sleep 0.1
done

python3 - "$grpc_port" "$http_port" "$idle" "$uploads" "$mib" <<'PY'
import resource, socket, sys, threading, time
grpc, http, idle, uploads, mib = (int(a) for a in sys.argv[1:])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

def good_request():
    """An empty OTLP/HTTP export: 200 when listen still serves good clients."""
    t0 = time.monotonic()
    try:
        s = socket.create_connection(("127.0.0.1", http), timeout=10)
        s.sendall(b"POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-protobuf\r\nContent-Length: 0\r\n\r\n")
        line = s.recv(64).split(b"\r\n")[0].decode()
        s.close()
    except OSError as e:
        line = "failed: %s" % e
    return line, (time.monotonic() - t0) * 1000

held = []
for i in range(idle):
    try:
        held.append(socket.create_connection(("127.0.0.1", grpc if i % 2 == 0 else http), timeout=10))
    except OSError as e:
        print("idle connection %d: %s" % (i, e)); break
time.sleep(1)
line, ms = good_request()
print("%d idle connections opened and held; a good client meanwhile: %s in %.0f ms" % (len(held), line, ms))
for s in held:
    s.close()

answers = {}
lock = threading.Lock()
def upload():
    body = b"\0" * (1 << 20)
    try:
        s = socket.create_connection(("127.0.0.1", http), timeout=60)
        s.sendall(("POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-protobuf\r\nContent-Length: %d\r\n\r\n" % (mib << 20)).encode())
        for _ in range(mib):
            s.sendall(body)
        answer = s.recv(64).split(b"\r\n")[0].decode()
        s.close()
    except OSError as e:
        answer = "connection ended: %s" % type(e).__name__
    with lock:
        answers[answer] = answers.get(answer, 0) + 1
threads = [threading.Thread(target=upload) for _ in range(uploads)]
for t in threads: t.start()
for t in threads: t.join()
line, ms = good_request()
print("%d concurrent %d MiB uploads: %s; a good client afterwards: %s in %.0f ms" % (uploads, mib, answers, line, ms))
PY

hwm="$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$pid/status")"
kill -TERM "$pid"; wait "$pid" || true
python3 - "$work/limits-summary.json" "$hwm" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print("listen counted: rejected %s, refused connections %s; sink peak RSS %s MiB" % (s["rejected"], s["refusedConnections"], sys.argv[2]))
PY
