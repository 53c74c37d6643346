#!/usr/bin/env bash
# Installs otlpdoctor for the GitHub Action (action.yml) and puts it on the job's PATH.
#
# Env: OTLPDOCTOR_VERSION  a release (0.2.0 or v0.2.0), "latest", or "source": build the action's own
#                          checkout with its ./otlpdoctor launcher (needs a JDK 17+, which GitHub's
#                          Ubuntu and macOS runners have)
#      ACTION_REPOSITORY   owner/name the releases are downloaded from (the action's repository)
#      ACTION_PATH         the action's checkout (for "source")
#      RUNNER_OS, RUNNER_ARCH, RUNNER_TOOL_CACHE, GITHUB_PATH: set by the runner
# A release archive is checked against its published SHA-256 before it is unpacked.
set -euo pipefail

version="${OTLPDOCTOR_VERSION:-latest}"
if [ "$version" = "source" ]; then
  echo "$ACTION_PATH" >> "$GITHUB_PATH"
  "$ACTION_PATH/otlpdoctor" --version
  exit 0
fi

case "$RUNNER_OS/$RUNNER_ARCH" in
  Linux/X64) platform=linux-x86_64 ;;
  Linux/ARM64) platform=linux-aarch_64 ;;
  macOS/ARM64) platform=osx-aarch_64 ;;
  *) echo "::error::otlpdoctor has no release archive for $RUNNER_OS/$RUNNER_ARCH; use version: source" >&2; exit 2 ;;
esac

releases="https://github.com/$ACTION_REPOSITORY/releases"
if [ "$version" = "latest" ]; then
  # /releases/latest redirects to /releases/tag/vX.Y.Z: no API token needed.
  tag="$(curl -sSfL -o /dev/null -w '%{url_effective}' "$releases/latest")"
  version="${tag##*/}"
fi
version="${version#v}"

name="otlpdoctor-$version-$platform"
home="$RUNNER_TOOL_CACHE/otlpdoctor/$version/$platform"
if [ ! -x "$home/$name/bin/otlpdoctor" ]; then
  download="$(mktemp -d)"
  curl -sSfL -o "$download/$name.tar.gz" "$releases/download/v$version/$name.tar.gz"
  curl -sSfL -o "$download/$name.tar.gz.sha256" "$releases/download/v$version/$name.tar.gz.sha256"
  (cd "$download" && sha256sum -c "$name.tar.gz.sha256" 2>/dev/null || shasum -a 256 -c "$name.tar.gz.sha256")
  mkdir -p "$home"
  tar -xzf "$download/$name.tar.gz" -C "$home"
  rm -rf "$download"
fi
echo "$home/$name/bin" >> "$GITHUB_PATH"
"$home/$name/bin/otlpdoctor" --version
