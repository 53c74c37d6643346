#!/usr/bin/env bash
# Start-up of an installed release archive: `otlpdoctor --version` through a symlink (as ~/bin/otlpdoctor
# would be) next to a bare `java -version` of the same bundled runtime and of the machine's Java, with
# hyperfine. Writes Markdown to bench/results/startup.md (docs/performance.md quotes it).
#
#   bench/startup.sh [ARCHIVE]     default: the target/release/*.tar.gz of `./mvnw -Prelease package`
#
# Env: RUNS (default 30), RESULTS (default bench/results/startup.md), RELEASE_JDK (passed to the build
# as -Drelease.jdk when the archive has to be built; default: Java 25 where /usr/lib/jvm has it).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-30}"
results="${RESULTS:-bench/results/startup.md}"

if ! command -v hyperfine >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
  else echo "bench: hyperfine is missing: apt-get install hyperfine" >&2; exit 2; fi
fi

archive="${1:-}"
if [ -z "$archive" ]; then
  archive="$(ls target/release/otlpdoctor-*.tar.gz 2>/dev/null | head -1 || true)"
  if [ -z "$archive" ]; then
    jdk="${RELEASE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
    jdk_arg=()
    [ -x "$jdk/bin/jlink" ] && jdk_arg=(-Drelease.jdk="$jdk")
    ./mvnw -q -B -Prelease -DskipTests "${jdk_arg[@]}" package
    archive="$(ls target/release/otlpdoctor-*.tar.gz | head -1)"
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
home="$(ls -d "$work"/otlpdoctor-*/)"
mkdir -p "$work/bin"
ln -s "${home}bin/otlpdoctor" "$work/bin/otlpdoctor"
runtime_java="${home}runtime/bin/java"
system_java="$(command -v java)"
# The first run makes nothing when the archive ships its class-data archive; run it once anyway so a
# runtime that needs one made on first use is measured as it runs from then on.
XDG_CACHE_HOME="$work/cache" "$work/bin/otlpdoctor" --version >/dev/null

XDG_CACHE_HOME="$work/cache" hyperfine -N --warmup 5 --runs "$runs" --export-markdown "$work/table.md" \
  -n "otlpdoctor --version (installed archive, through a symlink)" "$work/bin/otlpdoctor --version" \
  -n "java -version (the archive's runtime)" "$runtime_java -version" \
  -n "java -version ($system_java)" "$system_java -version" >/dev/null

stat() {  # NAME FIELD: hyperfine's median wall time, or (cpu) mean user + system CPU time, in ms
  python3 - "$work/times.json" "$1" "$2" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    if r["command"] == sys.argv[2]:
        value = r["median"] if sys.argv[3] == "median" else r["user"] + r["system"]
        print(round(value * 1000, 1))
PY
}
XDG_CACHE_HOME="$work/cache" hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/times.json" \
  -n installed "$work/bin/otlpdoctor --version" -n runtime "$runtime_java -version" >/dev/null
installed="$(stat installed median)" runtime="$(stat runtime median)"
installed_cpu="$(stat installed cpu)" runtime_cpu="$(stat runtime cpu)"
ratio="$(python3 -c "print(round($installed / $runtime, 2))")"
cpu_ratio="$(python3 -c "print(round($installed_cpu / $runtime_cpu, 2))")"

mkdir -p "$(dirname "$results")"
{
  echo "# Start-up of the installed release archive"
  echo
  echo "\`bench/startup.sh\`, $(date -u '+%d %b %Y %H:%M UTC'): $(nproc) CPU \`$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\`,"
  echo "$(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Archive: \`$(basename "$archive")\`, runtime $("$runtime_java" -version 2>&1 | head -1);"
  echo "class-data archive shipped: $([ -f "${home}lib/otlpdoctor.jsa" ] && echo yes || echo "no (made on first use)")."
  echo
  cat "$work/table.md"
  echo
  echo "Second, paired run: installed \`--version\` median $installed ms, the runtime's \`java -version\` median $runtime ms: ${ratio}x."
  echo "CPU time (user + system, mean; less sensitive to other load on the machine): $installed_cpu ms and $runtime_cpu ms: ${cpu_ratio}x."
} > "$results"
cat "$results"
