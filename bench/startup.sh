#!/usr/bin/env bash
# JVM start-up of the installed launcher against the JVM floor and plain `java -jar`, in one hyperfine run per JDK
# (budget: a command that needs the JVM at most 2x the floor on JDK 17 and 25; ARCHITECTURE.md, Cross-cutting notes).
# The floor is a plain `main` that prints one line, with its own CDS archive (17) or AOT cache (25), C1 only and
# SerialGC, built here with the same JDK. `--version` and `list` are answered by the launcher without a JVM now, so
# the JVM commands timed are `list --json`, `current --json` and `--help`.
# Usage: bench/startup.sh            (uses an existing JGVM_HOME install, else installs into a scratch dir)
# Env:   JAVA17_HOME, JAVA25_HOME    JDKs to compare (default: the java on PATH; a temurin-25 beside it)
#        RUNS (30), WARMUP (3)       hyperfine settings
# Prints a Markdown table per JDK with ratios against the floor on the same JDK.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-30}
WARMUP=${WARMUP:-3}
command -v hyperfine >/dev/null || { echo "error: hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }
scratch=$(mktemp -d "${TMPDIR:-/tmp}/jgvm-bench-startup.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
home=${JGVM_BENCH_HOME:-$scratch/home}
[ -x "$home/bin/jgvm" ] || JGVM_HOME=$home "$here/install.sh" >/dev/null 2>&1
JAVA17_HOME=${JAVA17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
if [ -z "${JAVA25_HOME:-}" ]; then
  for d in "$(dirname "$JAVA17_HOME")"/*temurin-25* "$(dirname "$JAVA17_HOME")"/*-25-*; do [ -x "$d/bin/java" ] && JAVA25_HOME=$d && break; done
fi
proj=$scratch/proj && mkdir -p "$proj"
mkdir -p "$proj/floor"
cat >"$proj/floor/Floor.java" <<'JAVA'
public class Floor { public static void main(String[] a) { System.out.println("jgvm floor"); } }
JAVA
echo 1.22.5 >"$proj/.go-version"
data=$scratch/data   # the versions the timed commands see, whatever home the launcher came from
mkdir -p "$data/versions/1.22.5/bin" && : >"$data/versions/1.22.5/bin/go"
for jdk in "$JAVA17_HOME" ${JAVA25_HOME:+"$JAVA25_HOME"}; do
  # Train (or re-train) the cache for this JDK first, so the timed runs use it.
  JAVA_HOME=$jdk JGVM_HOME=$home JGVM_TRAIN=1 "$home/bin/jgvm" >/dev/null
  # The floor, compiled and archived by this JDK.
  rm -rf "$proj/floor/classes" "$proj/floor/floor.jar" "$proj/floor/cache"* && mkdir -p "$proj/floor/classes"
  "$jdk/bin/javac" -d "$proj/floor/classes" "$proj/floor/Floor.java"
  "$jdk/bin/jar" --create --file "$proj/floor/floor.jar" -C "$proj/floor/classes" .   # CDS archives only jars
  flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
  # Ask whether the JDK has the AOT cache (24+) without making one: -XX:AOTCacheOutput=/dev/null unlinks the target
  # and writes a regular file in its place, which as root replaces /dev/null itself.
  if "$jdk/bin/java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then
    # shellcheck disable=SC2086
    "$jdk/bin/java" $flags "-XX:AOTCacheOutput=$proj/floor/cache.aot" -cp "$proj/floor/floor.jar" Floor >/dev/null 2>&1
    floor="$jdk/bin/java $flags -XX:AOTCache=$proj/floor/cache.aot -cp $proj/floor/floor.jar Floor"
  else
    # shellcheck disable=SC2086
    "$jdk/bin/java" $flags "-XX:ArchiveClassesAtExit=$proj/floor/cache.jsa" -cp "$proj/floor/floor.jar" Floor >/dev/null 2>&1
    floor="$jdk/bin/java $flags -XX:SharedArchiveFile=$proj/floor/cache.jsa -cp $proj/floor/floor.jar Floor"
  fi
  json=$scratch/startup.json
  (cd "$proj" && JAVA_HOME=$jdk JGVM_HOME=$data hyperfine -N --style basic --warmup "$WARMUP" --runs "$RUNS" --export-json "$json" \
    -n "floor: plain main, own cache, C1" "$floor" \
    -n "java -jar list --json" "$jdk/bin/java -jar $home/lib/jgvm-cli.jar list --json" \
    -n "jgvm list --json" "$home/bin/jgvm list --json" \
    -n "jgvm current --json" "$home/bin/jgvm current --json" \
    -n "jgvm --help" "$home/bin/jgvm --help" >&2)
  echo
  echo "### $("$jdk/bin/java" -version 2>&1 | head -n 1)"
  echo
  python3 - "$json" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["results"]
floor = res[0]["median"]
print("| command | median ms | min-max ms | vs the floor |")
print("|---|---:|---:|---:|")
for x in res:
    print(f"| {x['command']} | {x['median']*1000:.1f} | {x['min']*1000:.1f}-{x['max']*1000:.1f} | {x['median'] / floor:.2f}x |")
PY
done
