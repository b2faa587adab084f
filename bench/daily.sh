#!/usr/bin/env bash
# The daily commands the launcher answers in sh (current, which, list, use, use --global, env, --version) against
# `mise ls`, in one hyperfine run, 5 directories below the .go-version (budget: each at most 1.0x `mise ls`).
# First checks with strace (when installed) that none of them starts a JVM. Versions are fake static binaries, as in
# bench/shim.sh; mise (npm install -g @jdxcode/mise) gets the same ones.
# Env: RUNS (50), WARMUP (5), JGVM_BENCH_HOME (an existing jgvm install; default: ./install.sh into a scratch dir),
#      BENCH_PEERS (a directory with fake-go.c; default bench/reference), MISE_BIN.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
PEERS=${BENCH_PEERS:-$here/bench/reference}
RUNS=${RUNS:-50}
WARMUP=${WARMUP:-5}
for c in hyperfine cc python3; do command -v "$c" >/dev/null || { echo "error: $c is needed" >&2; exit 1; }; done
[ -f "$PEERS/fake-go.c" ] || { echo "error: no $PEERS/fake-go.c" >&2; echo "hint: set BENCH_PEERS to a directory holding fake-go.c" >&2; exit 1; }
unset RUST_BACKTRACE JGVM_GO_VERSION   # RUST_BACKTRACE makes mise ~10x slower: it captures a backtrace
scratch=$(mktemp -d "${TMPDIR:-/tmp}/jgvm-bench-daily.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

home=${JGVM_BENCH_HOME:-$scratch/jgvm}
[ -x "$home/bin/jgvm" ] || JGVM_HOME=$home "$here/install.sh" >/dev/null 2>&1
data=$scratch/data   # versions and version files of this run only, whatever home the launcher came from
export JGVM_HOME=$data
mkdir -p "$data"
for v in 1.21.13 1.22.5; do
  mkdir -p "$data/versions/$v/bin"
  cc -O2 -s -static -DFAKE_VERSION="\"$v\"" -o "$data/versions/$v/bin/go" "$PEERS/fake-go.c"
  cp "$data/versions/$v/bin/go" "$data/versions/$v/bin/gofmt"
done
echo 1.21.13 >"$data/version"
"$home/bin/jgvm" -q rehash
proj=$scratch/proj
deep=$proj/d1/d2/d3/d4/d5
mkdir -p "$deep"
echo 1.22.5 >"$proj/.go-version"
jgvm=$home/bin/jgvm

MISE_BIN=${MISE_BIN:-$(command -v mise || true)}
if [ -n "$MISE_BIN" ]; then
  export MISE_DATA_DIR=$scratch/mise/data MISE_CONFIG_DIR=$scratch/mise/config MISE_CACHE_DIR=$scratch/mise/cache
  export MISE_STATE_DIR=$scratch/mise/state MISE_IDIOMATIC_VERSION_FILE_ENABLE_TOOLS=go
  for v in 1.21.13 1.22.5; do mkdir -p "$MISE_DATA_DIR/installs/go/$v"; cp -R "$data/versions/$v/bin" "$MISE_DATA_DIR/installs/go/$v/"; done
  mkdir -p "$MISE_CONFIG_DIR"
fi

cmds=("$jgvm current" "$jgvm which" "$jgvm list" "$jgvm use 1.22.5" "$jgvm use --global 1.21.13" "$jgvm env" "$jgvm --version")
cd "$deep"
if command -v strace >/dev/null; then
  for c in "${cmds[@]}"; do
    # shellcheck disable=SC2086
    if strace -f -qq -e trace=execve $c 2>&1 >/dev/null | grep -q 'bin/java"'; then echo "error: '$c' started a JVM" >&2; exit 1; fi
  done
  echo "strace: no JVM started by: ${cmds[*]#"$home/bin/"}" >&2
else
  echo "warn: strace is not installed: not checked that no JVM starts" >&2
fi
rm -f .go-version   # the use above wrote one here

args=()
[ -z "$MISE_BIN" ] || args+=(-n "mise ls" "$MISE_BIN ls")
for c in "${cmds[@]}"; do args+=(-n "jgvm ${c#"$jgvm "}" "$c"); done
hyperfine -N --style basic --warmup "$WARMUP" --runs "$RUNS" --export-json "$scratch/daily.json" "${args[@]}" >&2
echo; echo "### daily commands, 5 levels below .go-version"; echo
python3 - "$scratch/daily.json" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["results"]
mise = next((r["median"] for r in res if r["command"] == "mise ls"), None)
print("| command | median ms | min-max ms | vs mise ls |")
print("|---|---:|---:|---:|")
for r in res:
    ratio = f"{r['median'] / mise:.2f}x" if mise else "-"
    print(f"| {r['command']} | {r['median']*1000:.2f} | {r['min']*1000:.2f}-{r['max']*1000:.2f} | {ratio} |")
PY
