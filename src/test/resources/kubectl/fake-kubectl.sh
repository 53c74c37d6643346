#!/bin/sh
# A stand-in for kubectl in tests: records its arguments and prints the recorded API answer of the
# scenario directory $KUBECTL_FIXTURES for the resource asked for (or its error, with exit status 1).
# The calls are appended to $KUBECTL_CALLS.
echo "$*" >> "$KUBECTL_CALLS"
case "$2" in
  service) name=service ;;
  pods) name=pods ;;
  endpointslices) name=endpointslices ;;
  endpoints) name=endpoints ;;
  deployments,statefulsets,daemonsets) name=workloads ;;
  *) name=unknown ;;
esac
if [ -f "$KUBECTL_FIXTURES/$name.err" ]; then
  cat "$KUBECTL_FIXTURES/$name.err" >&2
  exit 1
fi
if [ -f "$KUBECTL_FIXTURES/$name.json" ]; then
  cat "$KUBECTL_FIXTURES/$name.json"
  exit 0
fi
echo '{"apiVersion": "v1", "kind": "List", "items": []}'
