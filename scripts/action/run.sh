#!/usr/bin/env bash
# Runs otlpdoctor for the GitHub Action (action.yml): `lint` (text in the log, and SARIF for code scanning)
# or `check` (text in the log, the JSON report in a file).
#
# Env: OTLPDOCTOR_COMMAND  lint or check
#      OTLPDOCTOR_ARGS     its arguments, split on spaces with globs expanded as a shell does
#                          (k8s/*.yaml); options such as --strict or --timeout 10s go here too
#      OTLPDOCTOR_OUTPUT   where the SARIF (lint) or JSON report (check) is written
#      OTLPDOCTOR_FAIL     "true": the step fails when otlpdoctor exits non-zero; "false": it only reports
#      GITHUB_WORKSPACE, GITHUB_OUTPUT: set by the runner (SARIF paths are relative to the workspace)
# Outputs: exit-code (otlpdoctor's), report (the file written).
set -uo pipefail

command="${OTLPDOCTOR_COMMAND:-lint}"
output="${OTLPDOCTOR_OUTPUT:-otlpdoctor.$([ "$command" = lint ] && echo sarif || echo json)}"
# shellcheck disable=SC2206 # split and expand as the user wrote them, like a shell command line
args=(${OTLPDOCTOR_ARGS:-})

case "$command" in
  lint)
    otlpdoctor lint "${args[@]}"
    code=$?
    # The SARIF run reads the same files; its exit code is the same unless the files cannot be read (2),
    # in which case the text run above already said why.
    otlpdoctor lint "${args[@]}" -o sarif --source-root "${GITHUB_WORKSPACE:-$PWD}" > "$output" || true
    ;;
  check)
    otlpdoctor check "${args[@]}" -o json > "$output"
    code=$?
    # The same report as text in the log, from the JSON: one run of the probes.
    if command -v jq >/dev/null 2>&1 && [ -s "$output" ]; then
      jq -r '.verdict, (.findings[] | select(.severity == "fail" or .severity == "warn")
             | "  \(.severity | ascii_upcase)  \(.code)  \(.title)")' "$output"
    fi
    ;;
  *)
    echo "::error::otlpdoctor action: command must be lint or check, not '$command'" >&2
    exit 2
    ;;
esac

{
  echo "exit-code=$code"
  echo "report=$output"
} >> "${GITHUB_OUTPUT:-/dev/null}"
if [ "$code" -ne 0 ] && [ "${OTLPDOCTOR_FAIL:-true}" = "true" ]; then
  echo "::error::otlpdoctor $command exited $code (0 pass, 1 a finding failed, 2 bad input, 3 could not run)"
  exit "$code"
fi
exit 0
