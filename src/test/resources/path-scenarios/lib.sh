# Helpers for the path scenarios of PathScenariosIT. Sourced by bash running as pid 1 of private PID, mount
# and network namespaces (unshare --net --pid --fork --kill-child --mount-proc): when it exits, the kernel
# kills every process it started, and /proc shows only them.
# From the test: JAVA, JAVA_FLAGS (for the check), JAR (otlpdoctor.jar), TEST_CLASSES, HOSTS, LOGS.
set -u

pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null; done
}
trap cleanup EXIT

fail_setup() {
  echo "scenario setup: $*" >&2
  for log in "$LOGS"/*.log; do [ -s "$log" ] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }; done
  exit 90
}

# Small JVMs for the collector-like processes: they serve a handful of requests.
SMALL_JVM=(-Xmx64m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto)

# "This host": loopback up, plus 10.200.0.1 as the machine's own non-loopback address.
ip link set lo up && ip addr add 10.200.0.1/32 dev lo || fail_setup "cannot configure lo"

# collector NAME [NETNS-PID] -- LISTEN-ARGS...: a real OTLP receiver (otlpdoctor listen) named otelcol-contrib,
# here or inside the network namespace of NETNS-PID.
collector() {
  local name=$1 ns=""
  shift
  if [ "$1" != "--" ]; then ns=$1; shift; fi
  shift
  run_as "$name" otelcol-contrib "$ns" "$JAVA" "${SMALL_JVM[@]}" -jar "$JAR" listen "$@"
}

# collector_with_config NAME CONFIG [NETNS-PID] -- LISTEN-ARGS...: the same, started as
# "otelcol-contrib --config CONFIG ..." (the probes find CONFIG in its command line and lint it).
collector_with_config() {
  local name=$1 config=$2 ns=""
  shift 2
  if [ "$1" != "--" ]; then ns=$1; shift; fi
  shift
  run_as "$name" otelcol-contrib "$ns" "$JAVA" "${SMALL_JVM[@]}" -cp "$TEST_CLASSES:$JAR" \
    dev.otlpdoctor.it.CollectorStandIn --config "$config" "$@"
}

# stalled NAME ADDRESS PORT...: a hung collector: listens, never answers.
stalled() {
  local name=$1
  shift
  run_as "$name" otelcol-contrib "" "$JAVA" "${SMALL_JVM[@]}" -cp "$TEST_CLASSES" dev.otlpdoctor.it.StalledPeer "$@"
}

# forwarder HOST-PORT CONTAINER-IP CONTAINER-PORT: docker-proxy, with its own arguments, really forwarding.
forwarder() {
  run_as "docker-proxy-$1" docker-proxy "" "$JAVA" "${SMALL_JVM[@]}" -cp "$TEST_CLASSES" dev.otlpdoctor.it.TcpForwarder \
    -proto tcp -host-ip 0.0.0.0 -host-port "$1" -container-ip "$2" -container-port "$3"
}

# web_server PORT: a web server that is not a collector (python3 -m http.server) on 0.0.0.0:PORT.
web_server() {
  local python
  python=$(PATH=/usr/bin:/bin:$PATH command -v python3) || fail_setup "python3 is not installed"
  run_as "web-$1" python3 "" "$python" -m http.server "$1" --bind 0.0.0.0
}

# run_as LOGNAME ARGV0 NETNS-PID COMMAND...: start COMMAND in the background with argv[0] set to ARGV0.
run_as() {
  local log=$1 argv0=$2 ns=$3
  shift 3
  if [ -n "$ns" ]; then
    nsenter -t "$ns" -n bash -c 'exec -a "$0" "$@"' "$argv0" "$@" >"$LOGS/$log.log" 2>&1 &
  else
    bash -c 'exec -a "$0" "$@"' "$argv0" "$@" >"$LOGS/$log.log" 2>&1 &
  fi
  pids+=($!)
}

# container [veth]: a second network namespace ("a container") with its own loopback; sets CONTAINER to the pid
# of the process that holds it. With "veth", it is also linked to this one: 10.201.0.1 here, 10.201.0.2 inside.
container() {
  unshare -n sleep infinity &
  local holder=$!
  pids+=("$holder")
  await "the container's network namespace" \
    bash -c '[ "$(readlink /proc/'"$holder"'/ns/net)" != "$(readlink /proc/self/ns/net)" ]'
  nsenter -t "$holder" -n ip link set lo up || fail_setup "cannot configure the container's lo"
  if [ "${1:-}" = veth ]; then
    ip link add v0 type veth peer name v1 netns "$holder" \
      && ip addr add 10.201.0.1/24 dev v0 && ip link set v0 up \
      && nsenter -t "$holder" -n ip addr add 10.201.0.2/24 dev v1 \
      && nsenter -t "$holder" -n ip link set v1 up || fail_setup "cannot link the container"
  fi
  CONTAINER=$holder
}

# listening PORT [NETNS-PID]: wait until something listens on PORT (in that namespace).
listening() {
  if [ $# -gt 1 ]; then
    await "port $1 in the container" bash -c '[ -n "$(nsenter -t '"$2"' -n ss -Htln "sport = :'"$1"'")" ]'
  else
    await "port $1" bash -c '[ -n "$(ss -Htln "sport = :'"$1"'")" ]'
  fi
}

# await WHAT COMMAND...: poll COMMAND until it succeeds, for at most 30 s (JVMs start slowly on a busy machine).
await() {
  local what=$1 deadline=$((SECONDS + 30))
  shift
  until "$@" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || fail_setup "$what never came up"
    sleep 0.05
  done
}

# check ARGS...: otlpdoctor check ARGS -o json, as a user runs it; its exit code is the scenario's.
check() {
  "$JAVA" $JAVA_FLAGS -Djdk.net.hosts.file="$HOSTS" -jar "$JAR" check "$@" -o json
}
