#!/usr/bin/env bash
# The manual walk the benchmarks compare otlpdoctor with: what a person types to check a collector by hand.
#   manual-walk.sh check GRPC_PORT HTTP_PORT   nc -z both ports, GET /v1/traces (405 expected),
#                                              POST an empty JSON export (200 expected), ss -tln
#   manual-walk.sh fleet FILE TIMEOUT_SECONDS  nc -z -w TIMEOUT for every target of FILE, 64 at a time
#                                              (the same parallelism as check's default --parallel)
#   manual-walk.sh yaml FILE                   parse FILE with a YAML library (PyYAML), nothing more
set -uo pipefail
case "$1" in
  check)
    grpc="$2"; http="$3"
    nc -z 127.0.0.1 "$grpc" || exit 1
    nc -z 127.0.0.1 "$http" || exit 1
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http/v1/traces")" = 405 ] || exit 1
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d '{}' \
        "http://127.0.0.1:$http/v1/traces")" = 200 ] || exit 1
    ss -tln | grep -qE ":($grpc|$http)\b" || exit 1
    ;;
  fleet)
    file="$2"; timeout="$3"
    grep -v '^[[:space:]]*#' "$file" | sed 's/#.*//; /^[[:space:]]*$/d; s/:/ /' \
      | xargs -P 64 -L 1 sh -c 'nc -z -w '"$timeout"' "$0" "$1" 2>/dev/null; true'
    ;;
  yaml)
    python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$2"
    ;;
  *)
    echo "usage: $0 check GRPC_PORT HTTP_PORT | fleet FILE TIMEOUT_SECONDS | yaml FILE" >&2; exit 2 ;;
esac
