#!/usr/bin/env bash
# Shim, hook and `jgvm current` cost against the floors and mise, in one hyperfine run per depth (budgets: ARCHITECTURE.md, Cross-cutting notes).
# Measures, from 5 and from 30 directories below the .go-version: direct exec of a fake `go`, the minimal reference
# dash shim (bench/reference/min-shim.sh), jgvm's shim under dash, `jgvm current` (the launcher's sh path),
# and, when mise is on PATH (npm install -g @jdxcode/mise), mise's shim, `mise ls` and `mise hook-env`.
# The hook is a shell function, so it is timed inside one bash: 2000 prompts, minus the same loop doing nothing.
# Then the CPU time of each call, the shims interleaved (bench/cpu-rounds.c), and dash's instructions (callgrind).
# Env: BENCH_PEERS (a directory with min-shim.sh and fake-go.c; default bench/reference), RUNS (50), WARMUP (5), JGVM_BENCH_HOME
#      (an existing jgvm install to use; default: ./install.sh into a scratch dir), MISE_BIN, CPU_ROUNDS (1000).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
PEERS=${BENCH_PEERS:-$here/bench/reference}
RUNS=${RUNS:-50}
WARMUP=${WARMUP:-5}
V=1.22.5
for c in hyperfine cc python3 dash; do command -v "$c" >/dev/null || { echo "error: $c is needed" >&2; exit 1; }; done
[ -f "$PEERS/fake-go.c" ] || { echo "error: no $PEERS/fake-go.c" >&2; echo "hint: set BENCH_PEERS to a directory holding min-shim.sh and fake-go.c" >&2; exit 1; }
unset RUST_BACKTRACE JGVM_GO_VERSION   # RUST_BACKTRACE makes mise ~10x slower: it captures a backtrace
scratch=$(mktemp -d "${TMPDIR:-/tmp}/jgvm-bench-shim.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# The fake go (a static binary that prints its version) and the project trees.
home=${JGVM_BENCH_HOME:-$scratch/jgvm}
[ -x "$home/bin/jgvm" ] || JGVM_HOME=$home "$here/install.sh" >/dev/null 2>&1
export JGVM_HOME=$home
mkdir -p "$home/versions/$V/bin"
cc -O2 -s -static -DFAKE_VERSION="\"$V\"" -o "$home/versions/$V/bin/go" "$PEERS/fake-go.c"
cp "$home/versions/$V/bin/go" "$home/versions/$V/bin/gofmt"
echo "$V" >"$home/version"
"$home/bin/jgvm" -q rehash
proj=$scratch/proj
deep5=$proj/d1/d2/d3/d4/d5
deep30=$proj$(for i in $(seq 1 30); do printf '/l%d' "$i"; done)
mkdir -p "$deep5" "$deep30" "$scratch/min-sh"
echo "$V" >"$proj/.go-version"
install -m 755 "$PEERS/min-shim.sh" "$scratch/min-sh/go"
export JGVM_ROOT=$home   # the minimal shim's root

MISE_BIN=${MISE_BIN:-$(command -v mise || true)}
if [ -n "$MISE_BIN" ]; then
  export MISE_DATA_DIR=$scratch/mise/data MISE_CONFIG_DIR=$scratch/mise/config MISE_CACHE_DIR=$scratch/mise/cache
  export MISE_STATE_DIR=$scratch/mise/state MISE_IDIOMATIC_VERSION_FILE_ENABLE_TOOLS=go
  mkdir -p "$MISE_DATA_DIR/installs/go/$V/bin" "$MISE_CONFIG_DIR"
  cp "$home/versions/$V/bin/go" "$home/versions/$V/bin/gofmt" "$MISE_DATA_DIR/installs/go/$V/bin/"
  (cd "$deep5" && "$MISE_BIN" reshim)
fi

# Every command must print the fake go's line before it is timed.
for d in "$deep5" "$deep30"; do
  for s in "$home/versions/$V/bin/go" "$scratch/min-sh/go" "$home/shims/go" ${MISE_BIN:+"$MISE_DATA_DIR/shims/go"}; do
    out=$(cd "$d" && "$s" version)
    [ "$out" = "go version go$V linux/amd64" ] || { echo "error: $s in $d printed: $out" >&2; exit 1; }
  done
  [ "$(cd "$d" && "$home/bin/jgvm" current)" = "$V (from $proj/.go-version)" ] || { echo "error: jgvm current is wrong in $d" >&2; exit 1; }
done

table() { # table JSON: rows with ratios against the first two commands
  python3 - "$1" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["results"]
direct, minimal = res[0]["median"], res[1]["median"]
print("| command | median ms | min-max ms | vs direct exec | vs minimal dash shim |")
print("|---|---:|---:|---:|---:|")
for r in res:
    print(f"| {r['command']} | {r['median']*1000:.2f} | {r['min']*1000:.2f}-{r['max']*1000:.2f} | {r['median']/direct:.2f}x | {r['median']/minimal:.2f}x |")
PY
}

for depth in 5 30; do
  d=$deep5; [ "$depth" = 30 ] && d=$deep30
  # Shims run as users run them: exec'd directly, through their #!/bin/sh line (dash on Debian).
  args=(-n "direct exec" "$home/versions/$V/bin/go version"
        -n "minimal dash shim" "$scratch/min-sh/go version"
        -n "jgvm shim" "$home/shims/go version"
        -n "jgvm current" "$home/bin/jgvm current")
  if [ -n "$MISE_BIN" ]; then
    args+=(-n "mise shim" "$MISE_DATA_DIR/shims/go version" -n "mise ls" "$MISE_BIN ls"
           -n "mise hook-env -s bash" "$MISE_BIN hook-env -s bash")
  fi
  (cd "$d" && hyperfine -N --style basic --warmup "$WARMUP" --runs "$RUNS" --export-json "$scratch/d$depth.json" "${args[@]}" >&2)
  echo; echo "### $depth levels below .go-version"; echo
  table "$scratch/d$depth.json"
done

# CPU time of each call (user + system, the process's own rusage), the shims interleaved round by round: the budget's
# ratio, steadier than the wall times above, which are timed one command after the other.
cc -O2 -o "$scratch/cpu-rounds" "$here/bench/cpu-rounds.c"
CPU_ROUNDS=${CPU_ROUNDS:-1000}
echo; echo "### CPU time per call, $CPU_ROUNDS interleaved rounds (median of user + system)"; echo
echo "| shim | 5 levels ms | vs minimal | 30 levels ms | vs minimal |"
echo "|---|---:|---:|---:|---:|"
for depth in 5 30; do
  d=$deep5; [ "$depth" = 30 ] && d=$deep30
  (cd "$d" && "$scratch/cpu-rounds" "$CPU_ROUNDS" "$home/versions/$V/bin/go" "$scratch/min-sh/go" "$home/shims/go") >"$scratch/cpu$depth.tsv"
done
python3 - "$scratch/cpu5.tsv" "$scratch/cpu30.tsv" <<'PY'
import sys
runs = [[float(l.split("\t")[1]) for l in open(f)] for f in sys.argv[1:]]
for i, label in enumerate(["direct exec", "minimal dash shim", "jgvm shim"]):
    print(f"| {label} | " + " | ".join(f"{r[i]:.3f} | {r[i] / r[1]:.2f}x" for r in runs) + " |")
PY

# Instructions dash executes up to the exec of go (callgrind; stable under load, unlike wall time), when valgrind is there.
if command -v valgrind >/dev/null; then
  echo; echo "### instructions up to the exec (callgrind, dash)"; echo
  echo "| shim | 5 levels | 30 levels |"
  echo "|---|---:|---:|"
  for s in "$scratch/min-sh/go" "$home/shims/go"; do
    row="| ${s#"$scratch/"} |"
    for d in "$deep5" "$deep30"; do
      rm -f "$scratch"/cg.out*
      (cd "$d" && valgrind --tool=callgrind --dump-before=execve --callgrind-out-file="$scratch/cg.out" dash "$s" version >/dev/null 2>&1)
      row="$row $(sed -n 's/^summary: //p' "$scratch/cg.out.1") |"
    done
    echo "$row"
  done
fi

# The hook: a prompt in an unchanged directory, timed in-process (2000 prompts per run).
N=2000
init=$("$home/bin/jgvm" init bash --mode hook --no-completion)
printf '%s\n' "$init" >"$scratch/init.bash"
hook_args=()
for depth in 5 30; do
  d=$deep5; [ "$depth" = 30 ] && d=$deep30
  hook_args+=(-n "bash: $N x _jgvm_hook, $depth levels" "bash --norc --noprofile -c '. $scratch/init.bash; cd $d; i=0; while [ \$i -lt $N ]; do _jgvm_hook; i=\$((i+1)); done'"
              -n "bash: $N x nothing, $depth levels" "bash --norc --noprofile -c '. $scratch/init.bash; cd $d; i=0; while [ \$i -lt $N ]; do :; i=\$((i+1)); done'")
done
(cd "$deep5" && hyperfine -N --style basic --warmup 2 --runs 10 --export-json "$scratch/hook.json" "${hook_args[@]}" >&2)
# mise's prompt in an unchanged directory: its session state in the environment, as after a first prompt there,
# timed right away (its steady state did not survive the minutes the loops above take).
if [ -n "$MISE_BIN" ]; then
  (cd "$deep5" && eval "$("$MISE_BIN" hook-env -s bash)" &&
    hyperfine -N --style basic --warmup 5 --runs "$RUNS" --export-json "$scratch/mise-hook.json" \
      -n "mise hook-env -s bash (same dir, session env set)" "$MISE_BIN hook-env -s bash" >&2)
  python3 - "$scratch/hook.json" "$scratch/mise-hook.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1])); a["results"] += json.load(open(sys.argv[2]))["results"]
json.dump(a, open(sys.argv[1], "w"))
PY
fi
echo; echo "### hook per prompt, unchanged directory"; echo
python3 - "$scratch/hook.json" "$N" <<'PY'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
n = int(sys.argv[2])
mise = res.get("mise hook-env -s bash (same dir, session env set)")
print("| what | ms per prompt | vs mise hook-env |")
print("|---|---:|---:|")
for depth in (5, 30):
    per = (res[f"bash: {n} x _jgvm_hook, {depth} levels"]["median"] - res[f"bash: {n} x nothing, {depth} levels"]["median"]) / n * 1000
    ratio = f"{per / (mise['median'] * 1000):.3f}x" if mise else "-"
    print(f"| jgvm hook, {depth} levels (no process) | {per:.3f} | {ratio} |")
if mise:
    print(f"| mise hook-env -s bash (5 levels) | {mise['median']*1000:.3f} | 1.000x |")
PY
