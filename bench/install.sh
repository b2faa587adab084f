#!/usr/bin/env bash
# `jgvm install` of a real Go archive from a loopback mirror, beside `mise install` of the same archive from the
# same mirror and the `curl | tee >(sha256sum) | tar xz` pipeline, in one run of interleaved rounds (budgets: ARCHITECTURE.md, Cross-cutting notes). Debian's
# golang-1.19-go is repackaged into the official layout and served by python3 -m http.server on 127.0.0.1; before
# every run the outputs are removed and (as root) the page cache is dropped. Peak RSS from GNU time.
# Same evidence for both tools: mise checks the mirror's .sha256, so jgvm runs with --allow-mirror-checksums and
# JGVM_ORIGINS=none (no origin is reachable on loopback; asking dl.google.com would time a lookup mise never makes).
# Env: RUNS (5), JGVM_BENCH_HOME (an installed jgvm to use; default: ./install.sh into a scratch dir), MISE_BIN,
#      JGVM_BENCH_BEFORE (a second installed jgvm, timed in the same rounds as "(before)"),
#      GO_SRC_ROOT (default: Debian's golang-1.19-go), BENCH_DIR (scratch; default ${TMPDIR:-/tmp}/jgvm-bench-install).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-5}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/jgvm-bench-install}
for c in curl tar gzip sha256sum python3 git; do command -v "$c" >/dev/null || { echo "error: $c is needed" >&2; exit 1; }; done
[ -x /usr/bin/time ] || { echo "error: GNU time is needed (apt-get install time)" >&2; exit 1; }
unset RUST_BACKTRACE RUST_LIB_BACKTRACE
mkdir -p "$BENCH_DIR"
GO_SRC_ROOT=${GO_SRC_ROOT:-/usr/lib/go-1.19}
[ -x "$GO_SRC_ROOT/bin/go" ] || { echo "error: no Go at $GO_SRC_ROOT" >&2; echo "hint: apt-get install golang-1.19-go, or set GO_SRC_ROOT" >&2; exit 1; }
GOV=$(head -n 1 "$GO_SRC_ROOT/VERSION")
V=${GOV#go}
DIST=$BENCH_DIR/dist
NAME=$GOV.linux-amd64.tar.gz
ARCHIVE=$DIST/$NAME
if [ ! -s "$ARCHIVE" ]; then
  echo "== repackaging $GO_SRC_ROOT into $ARCHIVE" >&2
  stage=$(mktemp -d "$BENCH_DIR/stage.XXXXXX")
  mkdir -p "$stage/go" "$DIST"
  for e in api bin lib misc pkg src test VERSION; do [ -e "$GO_SRC_ROOT/$e" ] && cp -rL "$GO_SRC_ROOT/$e" "$stage/go/"; done
  tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner -czf "$ARCHIVE.tmp" go
  mv "$ARCHIVE.tmp" "$ARCHIVE"
  rm -rf "$stage"
fi
sha256sum "$ARCHIVE" | cut -d' ' -f1 | tr -d '\n' >"$ARCHIVE.sha256"   # no newline, as the official site serves it

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$DIST" >"$BENCH_DIR/http.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
URL=http://127.0.0.1:$PORT/$NAME
for _ in $(seq 50); do curl -sf -o /dev/null "$URL.sha256" && break; sleep 0.1; done

jgvm_home=${JGVM_BENCH_HOME:-$BENCH_DIR/jgvm}
[ -x "$jgvm_home/bin/jgvm" ] || JGVM_HOME=$jgvm_home "$here/install.sh" >/dev/null 2>&1
OUT=$BENCH_DIR/out
JH=$BENCH_DIR/jgvm-data
MD=$BENCH_DIR/mise
RESET=$BENCH_DIR/reset.sh
cat >"$RESET" <<EOS
rm -rf '$OUT' '$JH' '$MD/data' '$MD/cache' '$MD/state'
mkdir -p '$OUT/pipe' '$JH' '$MD/data' '$MD/config'
sync
if [ -w /proc/sys/vm/drop_caches ]; then echo 3 >/proc/sys/vm/drop_caches; fi
cat '$ARCHIVE' '$jgvm_home'/lib/*.jar '$jgvm_home'/lib/cache/* >/dev/null 2>&1 || true
EOS
[ -w /proc/sys/vm/drop_caches ] || echo "warn: cannot drop the page cache (not root): timings will drift" >&2

PIPE="curl -s $URL | tee >(sha256sum >/dev/null) | tar xz -C $OUT/pipe"
names=("curl | tee >(sha256sum) | tar xz" "jgvm install $V")
cmds=("$PIPE" "env JGVM_HOME=$JH JGVM_MIRRORS=dl+http://127.0.0.1:$PORT/ JGVM_ORIGINS=none JGVM_CONNECT_TIMEOUT=1s $jgvm_home/bin/jgvm -q install --allow-mirror-checksums $V")
# JGVM_BENCH_BEFORE: another installed jgvm (say, the last release) timed in the same rounds, for a before/after row.
if [ -n "${JGVM_BENCH_BEFORE:-}" ]; then
  names+=("jgvm install $V (before)")
  cmds+=("env JGVM_HOME=$JH JGVM_MIRRORS=dl+http://127.0.0.1:$PORT/ JGVM_ORIGINS=none JGVM_CONNECT_TIMEOUT=1s $JGVM_BENCH_BEFORE/bin/jgvm -q install --allow-mirror-checksums $V")
fi
MISE_BIN=${MISE_BIN:-$(command -v mise || true)}
if [ -n "$MISE_BIN" ]; then
  export MISE_DATA_DIR=$MD/data MISE_CACHE_DIR=$MD/cache MISE_STATE_DIR=$MD/state MISE_CONFIG_DIR=$MD/config
  export MISE_GO_DOWNLOAD_MIRROR=http://127.0.0.1:$PORT
  # mise lists versions even for an exact one: from a local git repo holding just this tag.
  TAGS=$MD/go-tags
  rm -rf "$TAGS"; git init -q "$TAGS"
  git -C "$TAGS" -c user.name=bench -c user.email=bench@localhost commit -q --allow-empty -m tags
  git -C "$TAGS" tag "$GOV"
  export MISE_GO_REPO=file://$TAGS MISE_USE_VERSIONS_HOST=false
  names+=("mise install go@$V"); cmds+=("$MISE_BIN install go@$V")
fi

# Round by round, each command once per round in turn, after the same reset. (hyperfine would run all of one
# command's runs, then the next's; creating and deleting ~12,000 files per run changes how fast the file system
# allocates inodes over a few minutes, which then favours whichever command runs first.) GNU time gives the wall
# time, CPU and peak RSS of each run.
TIMES=$BENCH_DIR/times.tsv
: >"$TIMES"
for round in $(seq "$RUNS"); do
  for i in "${!cmds[@]}"; do
    bash "$RESET"
    /usr/bin/time -f "%e\t%U\t%S\t%M" -o "$BENCH_DIR/time.out" bash -c "${cmds[$i]}" >/dev/null 2>"$BENCH_DIR/run.err" ||
      { echo "error: '${names[$i]}' failed:" >&2; cat "$BENCH_DIR/run.err" >&2; exit 1; }
    printf '%s\t%s\n' "$i" "$(tail -n 1 "$BENCH_DIR/time.out")" >>"$TIMES"
    case ${names[$i]} in jgvm*) "$JH/versions/$V/bin/go" version >/dev/null ;; esac   # what jgvm installed works
    echo "round $round: ${names[$i]}: $(cut -f1 <"$BENCH_DIR/time.out" | tail -n 1) s" >&2
  done
done

echo
echo "### install of $NAME ($(stat -c %s "$ARCHIVE") bytes) from a loopback mirror, $RUNS interleaved rounds, page cache dropped"
echo
python3 - "$TIMES" "${names[@]}" <<'PY2'
import statistics, sys
names = sys.argv[2:]
runs = {i: [] for i in range(len(names))}
for line in open(sys.argv[1]):
    i, wall, user, sys_, rss = line.split("\t")
    runs[int(i)].append((float(wall), float(user) + float(sys_), int(rss)))
med = {i: statistics.median(w for w, _, _ in r) for i, r in runs.items()}
cpu = {i: statistics.median(c for _, c, _ in r) for i, r in runs.items()}
m = next((i for i, n in enumerate(names) if n.startswith("mise")), None)
# Budgets (DESIGN 11): wall <= 0.85x and CPU (user+sys) <= 1.0x mise's, each a ratio of medians from this run.
print("| command | median s | min-max s | CPU s (user+sys, median) | vs curl pipeline | wall vs mise | CPU vs mise | peak RSS MiB |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for i, n in enumerate(names):
    r = runs[i]
    walls = [w for w, _, _ in r]
    vm = f"{med[i] / med[m]:.2f}x" if m is not None else "-"
    cm = f"{cpu[i] / cpu[m]:.2f}x" if m is not None else "-"
    print(f"| {n} | {med[i]:.3f} | {min(walls):.3f}-{max(walls):.3f} | {cpu[i]:.2f} | "
          f"{med[i] / med[0]:.2f}x | {vm} | {cm} | {max(x for _, _, x in r) / 1024:.0f} |")
PY2
