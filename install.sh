#!/bin/sh
# Installs jgvm from this checkout (or from a release tarball) into JGVM_HOME (default ~/.jgvm).
#   ./install.sh                  build with Maven, install jars and the launcher, train the JVM start-up cache
#   ./install.sh --release FILE   install from a release tarball (lib/*.jar) instead of building
#   ./install.sh --modify-path    also add jgvm to PATH in your shell rc files (never done otherwise)
#   ./install.sh --native         also build the GraalVM native image (mvn -Pnative) and install it as lib/jgvm
#   ./install.sh --uninstall      remove jgvm itself and the PATH lines; installed Go versions are kept
# Idempotent and non-interactive: running it again upgrades in place.
set -eu

usage() { sed -n '2,8s/^# \{0,1\}//p' "$0"; }
die() { echo "error: $1" >&2; [ -z "${2-}" ] || echo "hint: $2" >&2; exit "${3:-1}"; }
info() { echo "info: $*" >&2; }

modify_path= uninstall= release= native=
while [ $# -gt 0 ]; do
  case $1 in
    --modify-path) modify_path=1 ;;
    --uninstall) uninstall=1 ;;
    --native) native=1 ;;
    --release) [ $# -ge 2 ] || die "--release needs a file" "./install.sh --release jgvm-<version>.tar.gz" 2; release=$2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option '$1'" "run ./install.sh --help" 2 ;;
  esac
  shift
done

[ -z "$native" ] || [ -z "$release" ] || die "--native builds from this checkout; a release tarball brings its own lib/" "drop --native or --release" 2

# HOME decides where jgvm goes (unless JGVM_HOME does) and which rc files hold its PATH line.
if [ -z "${HOME-}" ] && { [ -z "${JGVM_HOME-}" ] || [ -n "$modify_path$uninstall" ]; }; then
  die "HOME is not set" "set HOME to your home directory (export HOME=/home/you); JGVM_HOME=DIR installs jgvm elsewhere" 2
fi
src=$(cd "$(dirname "$0")" && pwd)
home=${JGVM_HOME:-$HOME/.jgvm}
case $home in /*) ;; *) home=$(pwd)/$home ;; esac
marker='# added by jgvm install.sh'

if [ -n "$uninstall" ]; then
  rm -rf "$home/bin/jgvm" "$home/lib" "$home/shims"
  for f in "$HOME/.bashrc" "$HOME/.zshrc" "$HOME/.profile"; do
    [ -f "$f" ] && grep -qF "$marker" "$f" || continue
    # grep -v exits 1 when nothing is left: an rc file that held only jgvm's line becomes empty.
    rc=0
    grep -vF "$marker" "$f" >"$f.jgvm-tmp" || rc=$?
    [ "$rc" -le 1 ] || { rm -f "$f.jgvm-tmp"; die "could not read $f" "remove the line ending in '$marker' by hand"; }
    cat "$f.jgvm-tmp" >"$f"
    rm -f "$f.jgvm-tmp"
    info "removed the jgvm line from $f"
  done
  info "removed jgvm from $home (installed Go versions in $home/versions are kept; delete $home to remove them too)"
  exit 0
fi

# Java 17+ is needed to build and to run; the launcher checks again at every start.
if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java=$JAVA_HOME/bin/java; else java=$(command -v java || true); fi
[ -n "$java" ] || die "jgvm needs Java 17 or newer, and no java was found" "install a JDK 17+ or set JAVA_HOME"
# The JVM option variables are the user's, for their own programs (an agent, a collector, "Picked up ..." on stderr):
# jgvm's java runs without them, as the launcher runs it (the Maven build, the user's own tool, keeps them).
jvm() { ( unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS JDK_AOT_VM_OPTIONS; exec "$java" "$@" ); }
jv=$(jvm -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
[ "${jv:-0}" -ge 17 ] 2>/dev/null || die "jgvm needs Java 17 or newer; found Java ${jv:-unknown} at $java" "set JAVA_HOME to a JDK 17+"

stage=$(mktemp -d "${TMPDIR:-/tmp}/jgvm-install.XXXXXX")
trap 'rm -rf "$stage"' EXIT INT TERM
if [ -n "$release" ]; then
  [ -f "$release" ] || die "no such file '$release'" "give the path of a jgvm release tarball"
  tar -xzf "$release" -C "$stage"
  [ -f "$stage/lib/jgvm-cli.jar" ] || die "'$release' is not a jgvm release (no lib/jgvm-cli.jar)"
else
  command -v mvn >/dev/null 2>&1 || die "building jgvm needs Maven (mvn), which was not found" "install Maven, or use --release with a release tarball"
  profile=
  [ -z "$native" ] || profile=-Pnative
  info "building jgvm with Maven${native:+ and GraalVM's native-image} (tests are run by .ci/run, not here)"
  # A native binary left by an earlier -Pnative build must not be installed by a plain one: only --native copies it.
  if ! (cd "$src" && mvn -q -B -Dstyle.color=never -DskipTests $profile package) >"$stage/build.log" 2>&1; then
    tail -n 40 "$stage/build.log" >&2
    die "the Maven build failed (its last lines are above)" "run 'mvn -B -DskipTests $profile package' in $src to see everything"
  fi
  mkdir -p "$stage/lib"
  cp "$src"/cli/target/lib/*.jar "$stage/lib/"
  cp "$src/cli/target/jgvm-cli.jar" "$stage/lib/jgvm-cli.jar"
  if [ -n "$native" ]; then
    [ -x "$src/cli/target/jgvm" ] || die "the native build wrote no cli/target/jgvm" "run 'mvn -B -Pnative -DskipTests package' in $src"
    cp "$src/cli/target/jgvm" "$stage/lib/jgvm"
  fi
fi

# Replace lib/ in one step so a running jgvm never sees a mix of old and new jars.
mkdir -p "$home/bin"
rm -rf "$home/lib.new" "$home/lib.old"
cp -R "$stage/lib" "$home/lib.new"
[ ! -d "$home/lib" ] || mv "$home/lib" "$home/lib.old"
mv "$home/lib.new" "$home/lib"
rm -rf "$home/lib.old"

jvm -cp "$home/lib/jgvm-cli.jar" dev.jgvm.shims.LauncherWriter "$home/lib" "$home" "$home/bin/jgvm" ||
  die "could not write the launcher $home/bin/jgvm"

# One cache per line: one for the everyday commands and one for the others (installs included).
cache=$(JGVM_HOME=$home JGVM_TRAIN=1 "$home/bin/jgvm" | tr '\n' ' ' || true)
if [ -n "$cache" ]; then info "trained the JVM start-up cache for $java: ${cache% }"; else info "could not train a JVM start-up cache for $java; jgvm works, only starts slower"; fi
JGVM_HOME=$home "$home/bin/jgvm" -q rehash

line="export PATH=\"$home/bin:$home/shims:\$PATH\" $marker"
add_line() {
  if grep -qF "$marker" "$1" 2>/dev/null; then info "$1 already sets up jgvm"; else echo "$line" >>"$1"; info "added jgvm to PATH in $1"; fi
}
if [ -n "$modify_path" ]; then
  added=
  for f in "$HOME/.bashrc" "$HOME/.zshrc" "$HOME/.profile"; do
    [ -f "$f" ] || continue
    add_line "$f"
    added=1
  done
  [ -n "$added" ] || add_line "$HOME/.profile"
else
  info "installed jgvm $("$home/bin/jgvm" --version | sed 's/^jgvm //') in $home"
  echo "Add jgvm to PATH (or run ./install.sh --modify-path to do it for you):" >&2
  echo "  export PATH=\"$home/bin:$home/shims:\$PATH\"" >&2
fi
