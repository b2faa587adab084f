#!/bin/sh
# jgvm launcher, written by install.sh (dev.jgvm.shims.LauncherWriter); do not edit. POSIX sh.
# `jgvm current` and `jgvm which` are answered here with the shims' resolver and no JVM (README, 'Shell set-up'). Everything
# else finds Java 17+ (JAVA_HOME, then PATH) and starts the CLI with the JVM start-up cache trained for that JDK
# (AppCDS on 17-23, the AOT cache on 24+); a JDK with no cache yet gets one trained in the background.
_jgvm_lib=@JGVM_LIB@
JGVM_HOME=${JGVM_HOME:-@JGVM_DEFAULT_HOME@}
JGVM_HOME=${JGVM_HOME%/}
export JGVM_HOME

# _jgvm_fast: 0 when the arguments are a read-only query the sh resolver can answer exactly as Java would.
_jgvm_fast() {
  case ${1-} in current|which) ;; *) return 1 ;; esac
  _jgvm_q= _jgvm_nc= _jgvm_arg=
  _jgvm_sub=$1
  shift
  for _jgvm_a; do
    case $_jgvm_a in
      -q|--quiet) _jgvm_q=1 ;;
      --no-color) _jgvm_nc=1 ;;
      -*) return 1 ;;
      *) [ "$_jgvm_sub" = which ] && [ -z "$_jgvm_arg" ] || return 1
         case $_jgvm_a in *[!A-Za-z0-9._+-]*) return 1 ;; esac
         _jgvm_arg=$_jgvm_a ;;
    esac
  done
  # config.toml changed since the shims were written: only Java knows what it says now.
  [ -f "$JGVM_HOME/config.toml" ] && { [ -f "$JGVM_HOME/shims/.settings" ] || return 1; [ "$JGVM_HOME/config.toml" -nt "$JGVM_HOME/shims/.settings" ] && return 1; }
  return 0
}

# _jgvm_say LABEL COLOR TEXT: a labelled stderr line, coloured like the CLI's on a terminal.
_jgvm_say() {
  if [ -z "$_jgvm_nc" ] && [ -z "${NO_COLOR-}" ] && [ -t 2 ]; then
    printf '\033[%sm%s:\033[0m %s\n' "$2" "$1" "$3" >&2
  else
    printf '%s: %s\n' "$1" "$3" >&2
  fi
}

if _jgvm_fast "$@"; then
  _jgvm_gomod_default=1
  [ -f "$JGVM_HOME/shims/.settings" ] && . "$JGVM_HOME/shims/.settings"
@RESOLVE@
  # Files that name no version are warned about, as the Java resolver does (go.mod and go.work only with -v).
  _jgvm_skip() {
    case $1 in */go.mod|*/go.work) ;; *) _jgvm_say warn 33 "skipped $1: $2" ;; esac
  }
  _jgvm_notinstalled() {
    _jgvm_say error 31 "go $_jgvm_tok is not installed (selected by $_jgvm_src)"
    _jgvm_say hint 32 "run 'jgvm install $_jgvm_tok', or pick an installed version with 'jgvm use <version>'"
    exit 3
  }
  if ! _jgvm_select; then
    _jgvm_say error 31 "no Go version is selected in '$PWD'"
    _jgvm_say hint 32 "run 'jgvm use <version>' here, or 'jgvm use --global <version>' for a default"
    exit 3
  fi
  if [ "$_jgvm_sub" = current ]; then
    if [ "$_jgvm_tok" = system ] || _jgvm_find; then
      [ "$_jgvm_tok" = system ] && _jgvm_ver=system
      if [ -n "$_jgvm_q" ]; then printf '%s\n' "$_jgvm_ver"; else printf '%s (from %s)\n' "$_jgvm_ver" "$_jgvm_src"; fi
      exit 0
    fi
    if [ -n "$_jgvm_q" ]; then printf '%s\n' "$_jgvm_tok"; else printf '%s (from %s)\n' "$_jgvm_tok" "$_jgvm_src"; fi
    _jgvm_notinstalled
  fi
  _jgvm_cmd=${_jgvm_arg:-go}
  if [ "$_jgvm_tok" = system ]; then
    _jgvm_system "$_jgvm_cmd" && { printf '%s\n' "$_jgvm_sys"; exit 0; }
    _jgvm_say error 31 "no '$_jgvm_cmd' on PATH besides jgvm's shims ('system' selected by $_jgvm_src)"
    _jgvm_say hint 32 "install Go system-wide, or pick a jgvm version with 'jgvm use <version>'"
    exit 3
  fi
  _jgvm_find || _jgvm_notinstalled
  for _jgvm_f in "$JGVM_HOME/versions/$_jgvm_ver/bin/$_jgvm_cmd" "$JGVM_HOME/versions/$_jgvm_ver/bin/$_jgvm_cmd.exe"; do
    [ -f "$_jgvm_f" ] && { printf '%s\n' "$_jgvm_f"; exit 0; }
  done
  _jgvm_say error 31 "go $_jgvm_ver has no '$_jgvm_cmd' (selected by $_jgvm_src)"
  _jgvm_say hint 32 "'$_jgvm_cmd' comes with other Go versions; pick one with 'jgvm use <version>'"
  exit 1
fi

_jgvm_die() { echo "error: $1" >&2; [ -z "${2-}" ] || echo "hint: $2" >&2; exit 1; }

if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  _jgvm_java=$JAVA_HOME/bin/java
else
  _jgvm_java=$(command -v java) || _jgvm_die "jgvm needs Java 17 or newer, and no java was found" \
    "install a JDK 17+ (for example 'apt-get install openjdk-17-jre-headless') or set JAVA_HOME"
fi
# The real JDK behind /usr/bin/java and the like, for its release file and as part of the cache key.
_jgvm_real=$(readlink -f "$_jgvm_java" 2>/dev/null) || _jgvm_real=$_jgvm_java
_jgvm_jdk=${_jgvm_real%/bin/java}
_jgvm_ver=
if [ -f "$_jgvm_jdk/release" ]; then
  while IFS= read -r _jgvm_l; do
    case $_jgvm_l in JAVA_VERSION=*) _jgvm_ver=${_jgvm_l#JAVA_VERSION=}; _jgvm_ver=${_jgvm_ver#\"}; _jgvm_ver=${_jgvm_ver%\"}; break ;; esac
  done <"$_jgvm_jdk/release"
fi
if [ -z "$_jgvm_ver" ]; then
  _jgvm_ver=$("$_jgvm_java" -version 2>&1) || :
  _jgvm_ver=${_jgvm_ver#*version \"}
  _jgvm_ver=${_jgvm_ver%%\"*}
fi
_jgvm_major=${_jgvm_ver%%[.+-]*}
case $_jgvm_major in 1) _jgvm_major=${_jgvm_ver#1.}; _jgvm_major=${_jgvm_major%%.*} ;; esac
case $_jgvm_major in ''|*[!0-9]*) _jgvm_die "cannot tell the version of $_jgvm_java" "set JAVA_HOME to a JDK 17 or newer" ;; esac
[ "$_jgvm_major" -ge 17 ] || _jgvm_die "jgvm needs Java 17 or newer; found Java $_jgvm_ver at $_jgvm_java" \
  "set JAVA_HOME to a JDK 17+, or put one first on PATH"

# One cache per JDK (its version and where it lives): a changed JDK gets a new one.
_jgvm_key=$_jgvm_ver-$_jgvm_jdk
_jgvm_safe=
while [ -n "$_jgvm_key" ]; do
  _jgvm_c=${_jgvm_key%"${_jgvm_key#?}"}
  _jgvm_key=${_jgvm_key#?}
  case $_jgvm_c in [A-Za-z0-9.+-]) _jgvm_safe=$_jgvm_safe$_jgvm_c ;; *) _jgvm_safe=${_jgvm_safe}_ ;; esac
done
if [ "$_jgvm_major" -ge 24 ]; then _jgvm_cache=$_jgvm_lib/cache/$_jgvm_safe.aot; else _jgvm_cache=$_jgvm_lib/cache/$_jgvm_safe.jsa; fi

# File names are bytes, but the JVM turns them into text with the locale's charset (sun.jnu.encoding, which no -D
# option changes): under C or POSIX, as in containers, cron and `env -i`, it cannot even name a non-ASCII file. So
# the JVM runs with a UTF-8 locale; the user's LC_ALL goes along in _JGVM_LC_ALL, and dev.jgvm.core.env.Env puts it
# back for the processes jgvm starts. file.encoding is UTF-8 on JDK 17 as on 18+.
_jgvm_utf8=-Dfile.encoding=UTF-8
case ${LC_ALL:-${LC_CTYPE:-${LANG-}}} in
  *[Uu][Tt][Ff]-8*|*[Uu][Tt][Ff]8*) ;;
  *) _JGVM_LC_ALL=${LC_ALL-@unset} LC_ALL=C.UTF-8; export _JGVM_LC_ALL LC_ALL ;;
esac

# _jgvm_train: writes the cache by running the training workload (dev.jgvm.cli.Train) under the JDK's recorder.
_jgvm_train() {
  if [ "$_jgvm_major" -ge 25 ]; then
    "$_jgvm_java" -XX:+UseSerialGC -Xmx160m -XX:-UsePerfData -Xlog:disable $_jgvm_utf8 "-XX:AOTCacheOutput=$_jgvm_cache" -cp "$_jgvm_lib/jgvm-cli.jar" dev.jgvm.cli.Train
  elif [ "$_jgvm_major" -ge 24 ]; then
    "$_jgvm_java" -XX:+UseSerialGC -Xmx160m -XX:-UsePerfData -Xlog:disable $_jgvm_utf8 -XX:AOTMode=record "-XX:AOTConfiguration=$_jgvm_cache.conf" \
      -cp "$_jgvm_lib/jgvm-cli.jar" dev.jgvm.cli.Train &&
    "$_jgvm_java" -XX:+UseSerialGC -Xmx160m -XX:-UsePerfData -Xlog:disable $_jgvm_utf8 -XX:AOTMode=create "-XX:AOTConfiguration=$_jgvm_cache.conf" \
      "-XX:AOTCache=$_jgvm_cache" -cp "$_jgvm_lib/jgvm-cli.jar"
    rm -f "$_jgvm_cache.conf"
  else
    "$_jgvm_java" -XX:+UseSerialGC -Xmx160m -XX:-UsePerfData -Xlog:disable $_jgvm_utf8 "-XX:ArchiveClassesAtExit=$_jgvm_cache" -cp "$_jgvm_lib/jgvm-cli.jar" dev.jgvm.cli.Train
  fi
}

if [ -n "${JGVM_TRAIN-}" ]; then   # install.sh: (re)train now, in the foreground
  mkdir -p "$_jgvm_lib/cache" && rm -f "$_jgvm_cache" && _jgvm_train >/dev/null 2>&1 && [ -f "$_jgvm_cache" ] && echo "$_jgvm_cache"
  exit
fi

# C1 only for the quick commands; installs hash and inflate hundreds of megabytes and want C2 (`use` installs what
# it selects when it is missing). The command is the first word that is not an option: `exec -- go install` is quick.
_jgvm_quick=1
for _jgvm_a; do
  case $_jgvm_a in
    install|use|bundle|verify) _jgvm_quick=; break ;;
    --) break ;;
    -*) ;;
    *) break ;;
  esac
done
set -- -cp "$_jgvm_lib/jgvm-cli.jar" dev.jgvm.cli.Main "$@"
# A bounded heap: everything streams, and an install stays well under the 200 MB of RSS the install budget allows.
set -- -XX:+UseSerialGC -Xmx160m -XX:-UsePerfData -Xlog:disable -Xlog:all=error:stderr $_jgvm_utf8 "$@"
# Installs run for seconds: C2 compiles only what stays hot for all of it (hashing, inflating, copying loops), not
# each of the hundreds of methods every extracted file passes through once (about 12% less CPU per install).
if [ -n "$_jgvm_quick" ]; then set -- -XX:TieredStopAtLevel=1 "$@"
else set -- -XX:Tier4InvocationThreshold=100000 -XX:Tier4MinInvocationThreshold=100000 -XX:Tier4CompileThreshold=150000 "$@"
fi
if [ -f "$_jgvm_cache" ]; then
  if [ "$_jgvm_major" -ge 24 ]; then set -- "-XX:AOTCache=$_jgvm_cache" "$@"; else set -- "-XX:SharedArchiveFile=$_jgvm_cache" "$@"; fi
elif [ -z "${JGVM_NO_TRAIN-}" ] && mkdir -p "$_jgvm_lib/cache" 2>/dev/null && mkdir "$_jgvm_cache.lock" 2>/dev/null; then
  # A JDK without a cache yet: train one in the background for the next start.
  ( _jgvm_train; rmdir "$_jgvm_cache.lock" ) </dev/null >/dev/null 2>&1 &
fi

[ -t 2 ] && JGVM_STDERR_TTY=1 && export JGVM_STDERR_TTY
exec "$_jgvm_java" "$@"
