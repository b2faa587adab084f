#!/usr/bin/env bash
# JVM start-up of the installed launcher against plain `java -jar`, in one hyperfine run per JDK (budgets: ARCHITECTURE.md, Cross-cutting notes).
# Usage: bench/startup.sh            (uses an existing JGVM_HOME install, else installs into a scratch dir)
# Env:   JAVA17_HOME, JAVA25_HOME    JDKs to compare (default: the java on PATH; a temurin-25 beside it)
#        RUNS (30), WARMUP (3)       hyperfine settings
# Prints a Markdown table per JDK with ratios against plain `java -jar` on the same JDK.
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
for jdk in "$JAVA17_HOME" ${JAVA25_HOME:+"$JAVA25_HOME"}; do
  # Train (or re-train) the cache for this JDK first, so the timed runs use it.
  JAVA_HOME=$jdk JGVM_HOME=$home JGVM_TRAIN=1 "$home/bin/jgvm" >/dev/null
  json=$scratch/startup.json
  (cd "$proj" && JAVA_HOME=$jdk JGVM_HOME=$home hyperfine -N --style basic --warmup "$WARMUP" --runs "$RUNS" --export-json "$json" \
    -n "java -jar --version" "$jdk/bin/java -jar $home/lib/jgvm-cli.jar --version" \
    -n "jgvm --version" "$home/bin/jgvm --version" \
    -n "java -jar list" "$jdk/bin/java -jar $home/lib/jgvm-cli.jar -q list" \
    -n "jgvm list" "$home/bin/jgvm -q list" >&2)
  echo
  echo "### $("$jdk/bin/java" -version 2>&1 | head -n 1)"
  echo
  python3 - "$json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
print("| command | median ms | min-max ms | ratio vs plain java -jar |")
print("|---|---:|---:|---:|")
for name, base in [("java -jar --version", None), ("jgvm --version", "java -jar --version"),
                   ("java -jar list", None), ("jgvm list", "java -jar list")]:
    x = r[name]
    ratio = f"{x['median'] / r[base]['median']:.2f}x" if base else "1.00x"
    print(f"| {name} | {x['median']*1000:.1f} | {x['min']*1000:.1f}-{x['max']*1000:.1f} | {ratio} |")
PY
done
