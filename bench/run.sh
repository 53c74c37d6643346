#!/usr/bin/env bash
# The benchmark suite, one command: bench/run.sh
# Builds the jar, starts its own loopback servers (an `otlpdoctor listen` sink as the healthy collector,
# bench/BenchServers.java for a dropped port, a refused port and a 200-target fleet file), measures each
# case with hyperfine next to the manual walk a person would type (bench/manual-walk.sh), and writes
# Markdown to bench/results/latest.md.
#
# Env: OTLPDOCTOR  launcher to measure (default ./otlpdoctor; e.g. another checkout's, for before/after)
#      RESULTS     output file (default bench/results/latest.md)
#      RUNS        hyperfine runs of the fast cases (default 20)
#      INGEST_SECONDS  duration of each listen ingest run (default 10; 0 skips it)
set -euo pipefail
cd "$(dirname "$0")/.."
tool="${OTLPDOCTOR:-$PWD/otlpdoctor}"
results="${RESULTS:-bench/results/latest.md}"
runs="${RUNS:-20}"
ingest_seconds="${INGEST_SECONDS:-10}"
work="target/bench"
mkdir -p "$work" "$(dirname "$results")"

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v nc >/dev/null || missing+=(netcat-openbsd)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "bench: missing ${missing[*]}: install them (apt-get install ${missing[*]}) and rerun" >&2
    exit 2
  fi
fi

./mvnw -q -B -DskipTests package
# The first run of the launcher builds the class-data sharing archive; keep that out of the figures.
"$tool" --version >/dev/null

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

free_ports() {
  python3 - "$1" <<'PY'
import socket, sys
held = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); held.append(s)
print(" ".join(str(s.getsockname()[1]) for s in held))
PY
}
wait_for() {  # FILE PATTERN PID
  for _ in $(seq 1 300); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || { echo "bench: server exited:" >&2; cat "$1" >&2; exit 1; }
    sleep 0.1
  done
  echo "bench: server did not start" >&2; exit 1
}

read -r grpc http < <(free_ports 2)
"$tool" listen --grpc-port "$grpc" --http-port "$http" -o json >/dev/null 2>"$work/listen.err" &
pids+=($!); wait_for "$work/listen.err" "Waiting for telemetry" "${pids[-1]}"
rm -f "$work/ports.env"
java bench/BenchServers.java "$work" "$grpc" >"$work/servers.log" 2>&1 &
pids+=($!); wait_for "$work/ports.env" "REFUSED_PORT" "${pids[-1]}"
# shellcheck disable=SC1091
. "$work/ports.env"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
hf() {  # NAME RUNS COMMAND... ; ignores exit codes (failing checks exit 1 by design)
  local name="$1" n="$2"; shift 2
  hyperfine -N -i --style basic --warmup 1 --runs "$n" --export-json "$work/hf-$name.json" "$@" >"$work/hf-$name.txt" 2>&1
}

walk="bench/manual-walk.sh"
hf version "$runs" "$tool --version" "java -version"
hf check "$runs" "$tool check 127.0.0.1:$grpc http://127.0.0.1:$http" "$walk check $grpc $http"
hf check-grpc "$runs" "$tool check 127.0.0.1:$grpc"
hf dropped 5 "$tool check 127.0.0.1:$DROPPED_PORT --timeout 1s" "nc -z -w 1 127.0.0.1 $DROPPED_PORT"
hf fleet 5 "$tool check --targets-file $work/fleet.txt --timeout 2s" "$walk fleet $work/fleet.txt 2"

# Peak memory of the fleet run: /usr/bin/time -v when present, else polling /proc (the launcher execs java).
rss_max=0
for _ in 1 2 3; do
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "$tool" check --targets-file "$work/fleet.txt" --timeout 2s >/dev/null 2>"$work/fleet-time.txt" || true
    kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/fleet-time.txt")"
  else
    "$tool" check --targets-file "$work/fleet.txt" --timeout 2s >/dev/null 2>&1 & pid=$!
    kb=0
    while kill -0 "$pid" 2>/dev/null; do
      now="$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)"
      [ "${now:-0}" -gt "$kb" ] && kb="$now"
      sleep 0.05
    done
    wait "$pid" || true
  fi
  [ "$kb" -gt "$rss_max" ] && rss_max="$kb"
done
fleet_size="$(grep -cv '^#' "$work/fleet.txt")"
fleet_summary="$({ "$tool" check --targets-file "$work/fleet.txt" --timeout 2s -o json || true; } | python3 -c '
import json, sys
d = json.load(sys.stdin)
counts = {}
for t in d["targets"]:
    counts[t["status"]] = counts.get(t["status"], 0) + 1
duration = d["durationMs"]
skipped = counts.get("skip", 0)
total = len(d["targets"])
print(f"{total - skipped} of {total} targets checked before the deadline ("
      + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())) + f"); the run itself took {duration} ms")' || echo "?")"

# A 1 MB collector config: many receivers, processors, exporters and pipelines.
python3 - "$work/big-config.yaml" <<'PY'
import sys
out = ["receivers:"]
n = 1
while True:
    block = []
    for i in range(n, n + 50):
        block += [f"  otlp/{i}:", "    protocols:", "      grpc:", f"        endpoint: 0.0.0.0:{10000 + i}",
                  "      http:", f"        endpoint: 0.0.0.0:{30000 + i}"]
    out += block
    n += 50
    if sum(len(l) + 1 for l in out) > 450_000:
        break
out += ["processors:", "  memory_limiter:", "    check_interval: 1s", "    limit_percentage: 80", "  batch:", "exporters:"]
for i in range(1, n):
    out += [f"  otlp/{i}:", f"    endpoint: backend-{i}.example.com:4317"]
out += ["service:", "  pipelines:"]
for i in range(1, n):
    out += [f"    traces/{i}:", f"      receivers: [otlp/{i}]", "      processors: [memory_limiter, batch]",
            f"      exporters: [otlp/{i}]"]
text = "\n".join(out) + "\n"
while len(text) < 1_000_000:
    text += "# padding comment to reach one megabyte of configuration text .................................\n"
open(sys.argv[1], "w").write(text)
PY
hf lint 10 "$tool lint $work/big-config.yaml" "$walk yaml $work/big-config.yaml"

# listen ingest: the existing load benchmark (OpenTelemetry SDK exporters), next to curl posting the same
# 512-span batches as OTLP/JSON one request at a time.
ingest=""
curl_rate=""
if [ "$ingest_seconds" -gt 0 ]; then
  read -r ig ih < <(free_ports 2)
  ingest="$(GRPC_PORT="$ig" HTTP_PORT="$ih" bench/listen-throughput.sh "$ingest_seconds" 4 512 2>&1 | grep 'spans/s' || true)"
  python3 - "$work/batch.json" <<'PY'
import json, sys
spans = [{"traceId": "5b8efff798038103d269b633813fc60c", "spanId": f"{i:016x}", "name": f"span-{i}",
          "kind": 1, "startTimeUnixNano": "1700000000000000000", "endTimeUnixNano": "1700000001000000000",
          "attributes": [{"key": "k", "value": {"stringValue": "v"}}]} for i in range(1, 513)]
body = {"resourceSpans": [{"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "bench"}}]},
                           "scopeSpans": [{"scope": {"name": "bench"}, "spans": spans}]}]}
json.dump(body, open(sys.argv[1], "w"))
PY
  end=$((SECONDS + 5)); sent=0; start_ns=$(date +%s%N)
  while [ "$SECONDS" -lt "$end" ]; do
    code="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
      --data-binary "@$work/batch.json" "http://127.0.0.1:$http/v1/traces")"
    [ "$code" = 200 ] && sent=$((sent + 512))
  done
  curl_rate=$(( sent * 1000000000 / ($(date +%s%N) - start_ns) ))
fi
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work" "$results" "$rss_max" "$fleet_size" "$fleet_summary" "$ingest" "$curl_rate" \
  "$load_before" "$load_after" "$tool" <<'PY'
import json, os, platform, re, subprocess, sys, datetime
work, results, rss_kb, fleet_size, fleet_summary, ingest, curl_rate, load_before, load_after, tool = sys.argv[1:]

def stats(name):
    data = json.load(open(os.path.join(work, "hf-" + name + ".json")))["results"]
    return [(r["command"], r["median"] * 1000, r["min"] * 1000, r["max"] * 1000, r["mean"] * 1000) for r in data]

def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception:
        return "?"

rows = []
def case(label, name, target=None, limit_of=None):
    s = stats(name)
    cmd, med, lo, hi, _ = s[0]
    manual = s[1] if len(s) > 1 else None
    verdict = ""
    if target is not None:
        value = med if limit_of == "median" else hi
        verdict = f"{limit_of} {value:.0f} ms ≤ {target} ms: " + ("met" if value <= target else "NOT met")
    rows.append(f"| {label} | `{cmd}` | {med:.0f} ({lo:.0f}–{hi:.0f}) | "
                + (f"`{manual[0]}`: {manual[1]:.0f} | {med / manual[1]:.1f}×" if manual else "– | –")
                + f" | {verdict} |")

case("--version", "version", 150, "median")
case("healthy check, both ports", "check", 500, "median")
case("healthy check, gRPC port only", "check-grpc")
case("dropped target, --timeout 1s", "dropped", 1300, "max")
case(f"fleet of {fleet_size}, --timeout 2s", "fleet", 3000, "max")
case("lint of a 1 MB config", "lint")

rss_mib = int(rss_kb) / 1024
cpu = sh("lscpu | sed -n 's/^Model name: *//p'")
mem = sh("free -g | awk '/Mem:/ {print $2}'")
java = sh("java -version 2>&1 | head -1")
lines = [
    "# otlpdoctor benchmarks",
    "",
    f"Date: {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC. Launcher measured: `{tool}`.",
    f"Machine: {cpu}, {os.cpu_count()} CPUs, {mem} GiB RAM (free -g), Linux {platform.release()}, {java}.",
    f"Load average (1, 5, 15 min) before: {load_before}; after: {load_after}.",
    "",
    "Times are wall-clock ms from hyperfine: median (min–max). The manual walk is bench/manual-walk.sh or the",
    "command shown; ratio = otlpdoctor median / manual median.",
    "",
    "| case | otlpdoctor command | median (min–max) ms | manual walk: median ms | ratio | target |",
    "| --- | --- | ---: | --- | ---: | --- |",
    *rows,
    "",
    f"Fleet: {fleet_summary}. Peak RSS of the fleet run (max of 3, /usr/bin/time -v or VmHWM): "
    f"{rss_mib:.0f} MiB (target ≤ 256 MiB: {'met' if rss_mib <= 256 else 'NOT met'}).",
    "",
    "listen ingest (bench/listen-throughput.sh, OpenTelemetry SDK exporters, 4 threads × 512-span batches):",
    "",
    *(["    " + l for l in ingest.splitlines()] or ["    (skipped)"]),
    "",
    f"Manual baseline: curl posting the same 512-span batch as OTLP/JSON, one request at a time for 5 s: "
    f"{int(curl_rate):,} spans/s." if curl_rate else "Manual ingest baseline skipped.",
    "",
]
open(results, "w").write("\n".join(lines))
print("\n".join(lines))
PY
