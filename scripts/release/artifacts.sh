#!/usr/bin/env bash
# Builds the release artifacts of this platform from the packaged jar; run by `./mvnw -Prelease package`
# (pom.xml, profile release), which then builds the container image from the image root made here, the
# SBOM, and the checksums of everything (docs/release.md).
#
#   scripts/release/artifacts.sh VERSION OUTPUT_TIMESTAMP JAR JDK OUT_DIR
#
# In OUT_DIR:
#   otlpdoctor-VERSION.jar                     the runnable jar (any OS, Java 17+)
#   otlpdoctor-VERSION-OS-ARCH/                the installed layout: bin/otlpdoctor, lib/otlpdoctor.jar,
#                                              lib/otlpdoctor.jsa (class-data archive), runtime/ (jlink)
#   otlpdoctor-VERSION-OS-ARCH.tar.gz          that layout, reproducible (sorted, fixed owner and mtime)
#   otlpdoctor-VERSION-OS-ARCH.zip             the same as a zip (file modes kept), for Homebrew
#   image/                                     the container image's files (Linux only): the layout under
#                                              /opt/otlpdoctor, its JVM options in lib/container.args, and
#                                              the shared libraries the runtime needs
#
# JDK is the Java whose jdeps, jlink and java make the runtime (its version is the runtime's). OUTPUT_TIMESTAMP
# is project.build.outputTimestamp: every file's time in the archive.
set -euo pipefail

version="$1" timestamp="$2" jar="$3" jdk="$4" out="$5"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=osx ;;
  *) echo "release: $(uname -s) is not a release platform (Linux, macOS)" >&2; exit 2 ;;
esac
case "$(uname -m)" in
  x86_64|amd64) arch=x86_64 ;;
  aarch64|arm64) arch=aarch_64 ;;
  *) echo "release: $(uname -m) is not a release architecture (x86_64, aarch64)" >&2; exit 2 ;;
esac
# GNU tar for the reproducible archive (macOS: brew install gnu-tar).
tar_cmd="$(command -v gtar || command -v tar)"
"$tar_cmd" --version 2>/dev/null | grep -q "GNU tar" || { echo "release: GNU tar is needed (macOS: brew install gnu-tar)" >&2; exit 2; }
epoch="$(date -u -d "$timestamp" +%s 2>/dev/null || date -u -j -f "%Y-%m-%dT%H:%M:%SZ" "$timestamp" +%s)"
touch_stamp="$(date -u -d "@$epoch" +%Y%m%d%H%M.%S 2>/dev/null || date -u -r "$epoch" +%Y%m%d%H%M.%S)"

name="otlpdoctor-$version-$os-$arch"
layout="$out/$name"
rm -rf "$out" && mkdir -p "$layout/bin" "$layout/lib"
cp "$jar" "$out/otlpdoctor-$version.jar"
cp "$jar" "$layout/lib/otlpdoctor.jar"
# The jar gets the time every file of the archive and the image has: a class-data archive records its
# jar's modification time and is refused when it differs.
TZ=UTC touch -t "$touch_stamp" "$layout/lib/otlpdoctor.jar"
cp "$here/src/dist/bin/otlpdoctor" "$layout/bin/otlpdoctor"
chmod 755 "$layout/bin/otlpdoctor"
cp "$here/LICENSE" "$here/README.md" "$layout/"

# The runtime: the modules jdeps finds in the jar, plus two it cannot see because they are loaded by
# name: jdk.crypto.ec (TLS with EC certificates and key exchange) and jdk.unsupported (sun.misc.Unsafe,
# used by shaded Netty and protobuf). --generate-cds-archive gives the JDK's own classes a shared archive.
modules="$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 "$jar")"
"$jdk/bin/jlink" --add-modules "$modules,jdk.crypto.ec,jdk.unsupported" \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
  --output "$layout/runtime" >/dev/null
java="$layout/runtime/bin/java"

# Options for this runtime's Java version, as the launcher records them for other Javas.
version_opts=""
if "$java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
  version_opts="--sun-misc-unsafe-memory-access=allow"
fi
echo "$version_opts" > "$layout/lib/otlpdoctor.options"

# The class-data archive of the application's classes, made the way the launcher makes one (a training
# run's class list, then -Xshare:dump), with the same options as a run. It is shipped only if this runtime
# accepts it from another directory (Java 19 and later; Java 17 checks the jar's path), tried on a copy
# of the layout; otherwise the launcher makes one on first use.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2086 # version_opts is one option or none
"$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC $version_opts -XX:DumpLoadedClassList="$work/classes" \
  -cp "$layout/lib/otlpdoctor.jar" dev.otlpdoctor.cli.CdsTraining >/dev/null 2>&1
"$java" -Xshare:dump -XX:SharedClassListFile="$work/classes" -XX:SharedArchiveFile="$layout/lib/otlpdoctor.jsa" \
  -cp "$layout/lib/otlpdoctor.jar" >/dev/null 2>&1
cp -Rp "$layout" "$work/moved"
# shellcheck disable=SC2086
if ! "$work/moved/runtime/bin/java" -Xshare:on -XX:SharedArchiveFile="$work/moved/lib/otlpdoctor.jsa" $version_opts \
     -jar "$work/moved/lib/otlpdoctor.jar" --version >/dev/null 2>&1; then
  echo "release: this runtime does not accept a moved class-data archive: the launcher will make one on first use" >&2
  rm -f "$layout/lib/otlpdoctor.jsa"
fi

reproducible_tar() {  # ARCHIVE DIR NAME...
  local archive="$1" dir="$2"
  shift 2
  "$tar_cmd" --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner --format=pax \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -C "$dir" -cf - "$@" | gzip -n > "$archive"
}
reproducible_tar "$out/$name.tar.gz" "$out" "$name"
# Homebrew (through JReleaser) takes zip archives only. Entries sorted, every time the same (zip stores
# local time: UTC here), no uid/gid or extra time fields (-X).
(
  cd "$out"
  find "$name" -exec env TZ=UTC touch -h -t "$touch_stamp" {} +
  find "$name" | LC_ALL=C sort | TZ=UTC zip -X -q -@ "$name.zip"
)

# The container image's files (Jib adds them to an empty base, pom.xml): the layout under /opt/otlpdoctor,
# and the shared libraries the runtime's programs and libraries load, with the dynamic loader, at the
# paths they are loaded from. No shell, no package manager, nothing else.
if [ "$os" = linux ]; then
  image="$out/image"
  mkdir -p "$image/opt"
  cp -Rp "$layout" "$image/opt/otlpdoctor"
  # The image runs java directly (no shell to run bin/otlpdoctor): the launcher's options for a short
  # command, as a java @argfile since some depend on the runtime's version.
  {
    echo "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -XX:CICompilerCount=1 $version_opts"
    if [ -f "$layout/lib/otlpdoctor.jsa" ]; then
      echo "-XX:SharedArchiveFile=/opt/otlpdoctor/lib/otlpdoctor.jsa -Xshare:auto -Xlog:disable -Xlog:all=off"
      echo "-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
    fi
  } > "$image/opt/otlpdoctor/lib/container.args"
  find "$layout/runtime" -type f \( -name '*.so' -o -perm -u+x \) -print0 \
    | xargs -0 ldd 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' \
    | grep -v "^$layout" | sort -u > "$work/libraries"
  while read -r library; do
    mkdir -p "$image$(dirname "$library")"
    cp -L "$library" "$image$library"
  done < "$work/libraries"
fi
