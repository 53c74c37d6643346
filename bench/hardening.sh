#!/usr/bin/env bash
# Measures the hardening cases of docs/reliability.md: every hostile input file and hostile peer, with the
# exit code, wall time and peak RSS of the packaged jar (GNU time, `apt-get install time`), and the first
# line of stderr. Loopback only, ephemeral ports only. Writes Markdown to bench/results/hardening.md.
#
# Env: RESULTS  output file (default bench/results/hardening.md)
#      TIMEOUT  --timeout of the check runs (default 2s)
set -euo pipefail
cd "$(dirname "$0")/.."
results="${RESULTS:-bench/results/hardening.md}"
timeout="${TIMEOUT:-2s}"
work="target/bench-hardening"
rm -rf "$work"; mkdir -p "$work" "$(dirname "$results")"
if [ ! -x /usr/bin/time ]; then
  echo "hardening: GNU time is missing: apt-get install time" >&2
  exit 2
fi

./mvnw -q -B -DskipTests package test-compile
jar=target/otlpdoctor.jar
java_cmd=(java -jar "$jar")

java -cp target/test-classes bench/HostilePeers.java "$work" &
peers_pid=$!
trap 'kill $peers_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "$work/peers.env" ] && break; sleep 0.1; done
# shellcheck disable=SC1091
source "$work/peers.env"

# Hostile input files.
mkfifo "$work/pipe"
mkdir -p "$work/dir"
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
with open(f"{work}/alias-scalar.yaml", "w") as f:
    f.write('big: &big "$$' + "x" * (6 * 1024 * 1024) + '"\nrefs:\n' + "  - *big\n" * 20000)
with open(f"{work}/aliases-under-cap.yaml", "w") as f:
    f.write('receivers:\n  otlp:\n    protocols:\n      grpc:\nx-note: &note "${UNSET}$$' + "y" * 100 * 1024 + '"\nx-refs:\n'
            + "  - *note\n" * 600)
with open(f"{work}/deep-manifest.yaml", "w") as f:
    f.write("a: " + "[" * 5000 + "]" * 5000 + "\n")
PY

row() { # name, then the command
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" && code=0 || code=$?
  read -r secs kb < <(tail -1 "$work/time.txt")
  local first
  first=$(grep -v '^Command exited' "$work/err.txt" | head -1 | cut -c1-140 | sed 's/|/\\|/g' || true)
  if [ -z "$first" ]; then
    first=$(python3 -c 'import json,sys
try:
    d=json.load(open(sys.argv[1]))
    skipped=sum(1 for f in d.get("findings", []) if "deadline" in (f.get("title") or ""))
    print("JSON ok; status %s; diagnosis %s%s" % (d.get("status"), (d.get("diagnosis") or {}).get("code"),
          "; %d probes cut by the deadline" % skipped if skipped else ""))
except Exception as e:
    print("stdout: " + open(sys.argv[1]).readline().strip()[:100])' "$work/out.txt")
  fi
  printf '| %s | %s | %s s | %s MiB | %s |\n' "$name" "$code" "$secs" "$((kb / 1024))" "$first" >>"$results"
}

{
  echo "# Hardening measurements"
  echo
  echo "bench/hardening.sh on $(nproc) cores, $(java -version 2>&1 | head -1); check runs with --timeout $timeout."
  echo
  echo "| case | exit | wall | peak RSS | stderr (first line) or JSON |"
  echo "| --- | --- | --- | --- | --- |"
} >"$results"

row "--ca-cert /dev/zero" "${java_cmd[@]}" check --no-local 127.0.0.1:9 --ca-cert /dev/zero
row "--client-cert/--client-key /dev/zero" "${java_cmd[@]}" check --no-local 127.0.0.1:9 --client-cert /dev/zero --client-key /dev/zero
row "OTEL_EXPORTER_OTLP_CERTIFICATE=/dev/zero" env OTEL_EXPORTER_OTLP_CERTIFICATE=/dev/zero "${java_cmd[@]}" check --no-local 127.0.0.1:9
row "--targets-file /dev/zero" "${java_cmd[@]}" check --no-local --targets-file /dev/zero
row "--targets-file FIFO (no writer)" "${java_cmd[@]}" check --no-local --targets-file "$work/pipe"
row "--targets-file DIRECTORY" "${java_cmd[@]}" check --no-local --targets-file "$work/dir"
row "env --env-file /dev/zero" "${java_cmd[@]}" env --env-file /dev/zero
row "env --manifest FIFO" "${java_cmd[@]}" env --manifest "$work/pipe"
row "lint /dev/zero" "${java_cmd[@]}" lint /dev/zero
free_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
row "listen --tls-cert/--tls-key /dev/zero" "${java_cmd[@]}" listen --grpc-port 0 --http-port "$free_port" --duration 1s --tls-cert /dev/zero --tls-key /dev/zero
row "lint: 6 MiB scalar, 20,000 aliases (\$\$)" "${java_cmd[@]}" lint "$work/alias-scalar.yaml"
row "lint: 100 KiB scalar, 600 aliases (\$\$, unset var)" "${java_cmd[@]}" lint "$work/aliases-under-cap.yaml"
row "env --manifest nested 5,000 deep" "${java_cmd[@]}" env --manifest "$work/deep-manifest.yaml"
row "lint near the cap, -Xmx16m (OutOfMemoryError)" java -Xmx16m -jar "$jar" lint "$work/alias-scalar.yaml"

check=("${java_cmd[@]}" check --no-local --timeout "$timeout" -o json)
row "peer: HTTP/2 GOAWAY at once (grpc)" "${check[@]}" "127.0.0.1:$goaway" --protocol grpc
row "peer: RST right after accept (grpc)" "${check[@]}" "127.0.0.1:$reset" --protocol grpc
row "peer: a byte every 20 ms (grpc)" "${check[@]}" "127.0.0.1:$trickle" --protocol grpc
row "peer: a byte every 20 ms (http)" "${check[@]}" "127.0.0.1:$trickle" --protocol http/protobuf
row "peer: TLS stalls mid-handshake (--tls)" "${check[@]}" "127.0.0.1:$tls_stall" --protocol grpc --tls
row "peer: 1 MB response headers" "${check[@]}" "127.0.0.1:$huge_headers" --protocol http/protobuf
row "peer: 307 to another host" "${check[@]}" "127.0.0.1:$redirect" --protocol http/protobuf
row "peer: lying Content-Length, stalls" "${check[@]}" "127.0.0.1:$lying_length" --protocol http/protobuf
row "peer: gRPC length prefix of 2 GiB" "${check[@]}" "127.0.0.1:$grpc_2gib" --protocol grpc
row "peer: never answers" "${check[@]}" "127.0.0.1:$silent" --protocol http/protobuf
row "peer: reflects headers in a 400 (-H secret)" "${check[@]}" "127.0.0.1:$reflecting" --protocol http/protobuf -H "authorization=Bearer s3cr3t-bench"
if grep -q "s3cr3t-bench" "$work/out.txt" "$work/err.txt"; then
  echo "hardening: the secret was printed" >&2
  exit 1
fi
row "-H 'Authorization: Bearer s3cr3t' (curl syntax)" "${java_cmd[@]}" check --no-local 127.0.0.1:9 -H "Authorization: Bearer s3cr3t"
echo "wrote $results"
cat "$results"
