#!/bin/sh
# jgvm launcher, written by install.sh (dev.jgvm.shims.LauncherWriter); do not edit. POSIX sh.
# The daily commands (`current`, `which`, `list`, `use` of an installed version, `env`, `--version`) are answered
# here with the shims' resolver and no JVM (README, 'Shell set-up'), byte for byte as the CLI would. Everything
# else finds Java 17+ (JAVA_HOME, then PATH) and starts the CLI with the JVM start-up cache trained for that JDK
# (AppCDS on 17-23, the AOT cache on 24+); a JDK with no cache yet gets one trained in the background.
_jgvm_lib=@JGVM_LIB@
JGVM_HOME=${JGVM_HOME:-@JGVM_DEFAULT_HOME@}
JGVM_HOME=${JGVM_HOME%/}
export JGVM_HOME

# A directory that was deleted under us: say so before anything answers from it, and before a JVM would print its
# own failure on stdout, where 'eval "$(jgvm env)"' would run it.
if [ ! -d "${PWD:-/nonexistent/}" ]; then
  echo "error: the working directory no longer exists" >&2
  echo "hint: cd to a directory that exists and run the command again" >&2
  exit 1
fi

@RESOLVE@
# _jgvm_fast: 0 when this script can answer the arguments exactly as Java would (README, 'Shell set-up'):
# `--version`; `current`, `which [CMD]`, `list`, `env [--shell sh|bash|zsh|fish|github]`; `use [--global] SPEC`
# when SPEC names an installed version (or system). Anything else (another flag, --json, a version to install, a
# config.toml newer than the settings baked into the shims) is left to Java.
_jgvm_fast() {
  _jgvm_q= _jgvm_nc= _jgvm_arg= _jgvm_global= _jgvm_shell= _jgvm_want=
  # config.toml changed since the shims were written: only Java knows what it says now (and it rewrites them).
  [ -f "$JGVM_HOME/config.toml" ] && { [ -f "$JGVM_HOME/shims/.settings" ] || return 1; [ "$JGVM_HOME/config.toml" -nt "$JGVM_HOME/shims/.settings" ] && return 1; }
  # Java prints JGVM_HOME absolute and normalized; so must this script.
  case $JGVM_HOME in /*) ;; *) return 1 ;; esac
  case $JGVM_HOME in */|*//*|*/./*|*/../*|*/.|*/..) [ "$JGVM_HOME" = / ] || return 1 ;; esac
  case $#:${1-} in 1:--version|1:-V) _jgvm_sub=version; return 0 ;; esac
  # The global output options may come before the command too (jgvm -q list).
  while :; do
    case ${1-} in
      -q|--quiet) [ -z "$_jgvm_q" ] || return 1; _jgvm_q=1 ;;
      --no-color) [ -z "$_jgvm_nc" ] || return 1; _jgvm_nc=1 ;;
      *) break ;;
    esac
    shift
  done
  case ${1-} in current|which|use|env) _jgvm_sub=$1 ;; list|ls) _jgvm_sub=list ;; *) return 1 ;; esac
  shift
  for _jgvm_a; do
    if [ "$_jgvm_want" = shell ]; then _jgvm_shell=$_jgvm_a _jgvm_want=; continue; fi
    case $_jgvm_a in
      -q|--quiet) [ -z "$_jgvm_q" ] || return 1; _jgvm_q=1 ;;
      --no-color) [ -z "$_jgvm_nc" ] || return 1; _jgvm_nc=1 ;;
      -g|--global) [ "$_jgvm_sub" = use ] && [ -z "$_jgvm_global" ] || return 1; _jgvm_global=1 ;;
      --shell|--shell=*)
        [ "$_jgvm_sub" = env ] && [ -z "$_jgvm_shell" ] || return 1
        case $_jgvm_a in --shell) _jgvm_want=shell ;; *) _jgvm_shell=${_jgvm_a#--shell=} ;; esac ;;
      -*) return 1 ;;
      *) case $_jgvm_sub in which|use) ;; *) return 1 ;; esac
         [ -z "$_jgvm_arg" ] || return 1
         case $_jgvm_a in ''|*[!A-Za-z0-9._+-]*) return 1 ;; esac
         _jgvm_arg=$_jgvm_a ;;
    esac
  done
  [ -z "$_jgvm_want" ] || return 1
  case $_jgvm_sub in
    env)
      case ${_jgvm_shell:=sh} in sh|bash|zsh|fish) ;; github) _jgvm_writable "${GITHUB_ENV-}" && _jgvm_writable "${GITHUB_PATH-}" || return 1 ;; *) return 1 ;; esac ;;
    list) _jgvm_installed || return 1 ;;
    use)
      [ -n "$_jgvm_arg" ] && _jgvm_installed && _jgvm_spec "$_jgvm_arg" || return 1
      if [ -n "$_jgvm_global" ]; then _jgvm_target=$JGVM_HOME/version; else _jgvm_target=${PWD%/}/.go-version; fi
      # What Java would refuse to replace (or replace differently), it should say itself.
      [ -L "$_jgvm_target" ] && return 1
      [ -e "$_jgvm_target" ] && [ ! -f "$_jgvm_target" ] && return 1 ;;
  esac
  _jgvm_gomod_default=1 _jgvm_gotc_default=
  [ -f "$JGVM_HOME/shims/.settings" ] && . "$JGVM_HOME/shims/.settings"
  # Text Java escapes before it reaches a terminal (a control character in the working directory, JGVM_HOME,
  # JGVM_GO_VERSION or a version file; README, 'Hostile text stays text') is left to Java rather than printed raw.
  _jgvm_plain "$PWD$JGVM_HOME${JGVM_GO_VERSION-}" || return 1
  # The selection is made here once; the commands read it back with _jgvm_selected (use, which changes it, selects again).
  _jgvm_raw= _jgvm_skips=
  _jgvm_skip() { _jgvm_plain "$1$2" || _jgvm_raw=1; _jgvm_skips=$_jgvm_skips$1$_jgvm_nl$2$_jgvm_nl; }
  if _jgvm_select; then _jgvm_sel=0; _jgvm_plain "$_jgvm_tok$_jgvm_src" || return 1; else _jgvm_sel=1; fi
  _jgvm_seltok=$_jgvm_tok _jgvm_selsrc=$_jgvm_src
  _jgvm_skip() { :; }
  [ -z "$_jgvm_raw" ]
}

# _jgvm_selected: _jgvm_select's answer as _jgvm_fast found it, each file it skipped told to _jgvm_skip again.
_jgvm_selected() {
  _jgvm_sk=$_jgvm_skips
  while [ -n "$_jgvm_sk" ]; do
    _jgvm_skf=${_jgvm_sk%%"$_jgvm_nl"*} _jgvm_sk=${_jgvm_sk#*"$_jgvm_nl"}
    _jgvm_skw=${_jgvm_sk%%"$_jgvm_nl"*} _jgvm_sk=${_jgvm_sk#*"$_jgvm_nl"}
    _jgvm_skip "$_jgvm_skf" "$_jgvm_skw"
  done
  _jgvm_tok=$_jgvm_seltok _jgvm_src=$_jgvm_selsrc
  return $_jgvm_sel
}

# _jgvm_plain TEXT: TEXT has no character Java's Terminal escapes: C0 but tab, DEL, and C1 (U+0080-U+009F, two
# bytes in UTF-8, spelled out since dash and busybox match bytes and know no C1 class). Tabs are looked between.
_jgvm_plain() {
  case $1 in *[![:print:]]*) ;; *) return 0 ;; esac   # the common case: printable ASCII only
  case $1 in **|**|**|**|**|**|**|**|**|**|**|**|**|**|**|**|**|**|**|**|**|**|**|**|**|**|**|**|**|**|**|**) return 1 ;; esac
  _jgvm_pr=$1
  while :; do
    case ${_jgvm_pr%%"	"*} in *[[:cntrl:]]*) return 1 ;; esac
    case $_jgvm_pr in *"	"*) _jgvm_pr=${_jgvm_pr#*"	"} ;; *) return 0 ;; esac
  done
}

# _jgvm_writable FILE: an existing regular file this user may append to (what GitHub Actions hands a step).
_jgvm_writable() { [ -n "$1" ] && [ -f "$1" ] && [ -w "$1" ]; }

# _jgvm_installed: sets _jgvm_vs to the installed versions in Go's order, one per line, from aliases/.installed
# (AliasWriter keeps it with the aliases), but only while it names exactly the directories in versions/.
_jgvm_installed() {
  _jgvm_vs= _jgvm_n=0
  if [ -f "$JGVM_HOME/aliases/.installed" ]; then
    while IFS= read -r _jgvm_l; do
      [ -n "$_jgvm_l" ] && [ -d "$JGVM_HOME/versions/$_jgvm_l" ] || return 1
      _jgvm_vs=$_jgvm_vs$_jgvm_l$_jgvm_nl
      _jgvm_n=$((_jgvm_n + 1))
    done <"$JGVM_HOME/aliases/.installed"
  fi
  for _jgvm_e in "$JGVM_HOME"/versions/*; do
    [ -d "$_jgvm_e" ] && _jgvm_n=$((_jgvm_n - 1))
  done
  [ "$_jgvm_n" = 0 ]
}

# _jgvm_spec SPEC: for `use`, what Java's VersionSpec makes of SPEC when an installed version satisfies it:
# _jgvm_text (what the version file gets) and _jgvm_what (how messages name it). Fails when Java must install or
# refuse it. A line (1.22) and latest go through aliases/, an exact release must be listed in versions/ or be another
# spelling of one (1.20.0 for 1.20).
_jgvm_spec() {
  _jgvm_text= _jgvm_what=
  case $1 in
    system) _jgvm_text=system _jgvm_what="the system go"; return 0 ;;
    latest) _jgvm_text=latest ;;
    *) _jgvm_b=${1#go}
       case $_jgvm_b in
         [123456789]*.*.*|*[!0123456789.]*) ;;
         [123456789]*.0|[123456789]*.[123456789]*)
           case ${_jgvm_b%%.*}:${_jgvm_b#*.} in *[!0123456789:]*) ;; *) _jgvm_text=$_jgvm_b ;; esac ;;
       esac ;;
  esac
  if [ -n "$_jgvm_text" ]; then   # a line or latest: its newest installed stable release
    [ -f "$JGVM_HOME/aliases/$_jgvm_text" ] || return 1
    IFS= read -r _jgvm_v <"$JGVM_HOME/aliases/$_jgvm_text" || return 1
    case $_jgvm_nl$_jgvm_vs in *"$_jgvm_nl$_jgvm_v$_jgvm_nl"*) ;; *) return 1 ;; esac
    _jgvm_what="go $_jgvm_v ($_jgvm_text)"
    return 0
  fi
  case $_jgvm_nl$_jgvm_vs in
    *"$_jgvm_nl$_jgvm_b$_jgvm_nl"*) _jgvm_v=$_jgvm_b ;;
    *) case $_jgvm_b in [0123456789]*) ;; *) return 1 ;; esac
       [ -f "$JGVM_HOME/aliases/$_jgvm_b" ] || return 1
       IFS= read -r _jgvm_v <"$JGVM_HOME/aliases/$_jgvm_b" || return 1
       case $_jgvm_nl$_jgvm_vs in *"$_jgvm_nl$_jgvm_v$_jgvm_nl"*) ;; *) return 1 ;; esac ;;
  esac
  _jgvm_text=$_jgvm_v _jgvm_what="go $_jgvm_v"
}

# _jgvm_say LABEL COLOR TEXT: a labelled stderr line, coloured like the CLI's on a terminal.
_jgvm_say() {
  if [ -z "$_jgvm_nc" ] && [ -z "${NO_COLOR-}" ] && [ -t 2 ]; then
    printf '\033[%sm%s:\033[0m %s\n' "$2" "$1" "$3" >&2
  else
    printf '%s: %s\n' "$1" "$3" >&2
  fi
}

# _jgvm_info TEXT: an info line, which --quiet drops.
_jgvm_info() { [ -n "$_jgvm_q" ] || _jgvm_say info 36 "$1"; }

# _jgvm_sq TEXT: sets _jgvm_sqd to TEXT single-quoted for sh and fish, as ShimWriter.shQuote quotes it.
_jgvm_sq() {
  _jgvm_sqd= _jgvm_r=$1
  while :; do
    case $_jgvm_r in
      *"$_jgvm_apos"*) _jgvm_sqd=$_jgvm_sqd${_jgvm_r%%"$_jgvm_apos"*}$_jgvm_apos\\$_jgvm_apos$_jgvm_apos
                       _jgvm_r=${_jgvm_r#*"$_jgvm_apos"} ;;
      *) break ;;
    esac
  done
  _jgvm_sqd=$_jgvm_apos$_jgvm_sqd$_jgvm_r$_jgvm_apos
}

# _jgvm_write FILE TEXT: TEXT and a newline into a new file beside FILE, renamed over it, as Java's
# InstallStore.writeAtomically does; on any failure nothing is left behind and Java gets to say what went wrong.
_jgvm_write() {
  _jgvm_tmp=${1%/*}/.${1##*/}.$$.tmp
  [ -e "$_jgvm_tmp" ] && return 1
  set -C
  { printf '%s\n' "$2" >"$_jgvm_tmp"; } 2>/dev/null && set +C && mv -f "$_jgvm_tmp" "$1" 2>/dev/null && return 0
  set +C
  rm -f "$_jgvm_tmp"
  return 1
}

# _jgvm_here: the version used here, without warnings; 3 and the CLI's error when there is none to use.
_jgvm_here() {
  if ! _jgvm_selected; then
    _jgvm_say error 31 "no Go version is selected in '$PWD'"
    _jgvm_say hint 32 "run 'jgvm use <version>' here, or 'jgvm use --global <version>' for a default"
    exit 3
  fi
}

_jgvm_notinstalled() {
  if ! _jgvm_valid "$_jgvm_tok"; then
    _jgvm_say error 31 "'$_jgvm_tok' is not a Go version (selected by $_jgvm_src)"
    _jgvm_say hint 32 "write a release such as 1.22.5 or go1.21rc2, a line such as 1.22, latest or system there"
    exit 3
  fi
  _jgvm_say error 31 "go $_jgvm_tok is not installed (selected by $_jgvm_src)"
  _jgvm_say hint 32 "run 'jgvm install $_jgvm_tok', or pick an installed version with 'jgvm use <version>'"
  exit 3
}

_jgvm_nl='
'
_jgvm_apos="'"
if _jgvm_fast "$@"; then
  [ "$_jgvm_sub" = version ] && { printf '%s\n' 'jgvm '@JGVM_VERSION@; exit 0; }
  case $_jgvm_sub in
    list)
      _jgvm_used= _jgvm_global= _jgvm_missing=
      if _jgvm_selected && [ "$_jgvm_tok" != system ]; then
        if _jgvm_find; then _jgvm_used=$_jgvm_ver
        elif _jgvm_valid "$_jgvm_tok"; then _jgvm_missing="go $_jgvm_tok is selected here (by $_jgvm_src) but not installed"
        else _jgvm_missing="'$_jgvm_tok' is not a Go version (selected here by $_jgvm_src)"
        fi
      fi
      if [ -f "$JGVM_HOME/version" ] && _jgvm_gv "$JGVM_HOME/version" && [ "$_jgvm_tok" != system ] && _jgvm_find; then
        _jgvm_global=$_jgvm_ver
      fi
      _jgvm_r=$_jgvm_vs
      while [ -n "$_jgvm_r" ]; do
        _jgvm_v=${_jgvm_r%%"$_jgvm_nl"*}
        _jgvm_r=${_jgvm_r#*"$_jgvm_nl"}
        if [ -n "$_jgvm_q" ]; then printf '%s\n' "$_jgvm_v"; continue; fi
        if [ "$_jgvm_v" = "$_jgvm_used" ]; then _jgvm_m='* '; else _jgvm_m='  '; fi
        if [ "$_jgvm_v" = "$_jgvm_global" ]; then printf '%s%s (global default)\n' "$_jgvm_m" "$_jgvm_v"; else printf '%s%s\n' "$_jgvm_m" "$_jgvm_v"; fi
      done
      if [ -z "$_jgvm_vs" ]; then
        _jgvm_info "no Go versions are installed"
        [ -n "$_jgvm_q" ] || _jgvm_say hint 32 "install one with 'jgvm install 1.22' ('jgvm list-remote' shows what there is)"
      fi
      [ -z "$_jgvm_missing" ] || _jgvm_say warn 33 "$_jgvm_missing"
      exit 0 ;;
    use)
      # Only a failed write gets past this: Java then says why.
      if _jgvm_write "$_jgvm_target" "$_jgvm_text"; then
        if [ -n "$_jgvm_global" ]; then
          _jgvm_info "$_jgvm_what is now the global default"
          if _jgvm_select && [ "$_jgvm_src" != "$JGVM_HOME/version" ]; then _jgvm_info "here $_jgvm_src still selects $_jgvm_tok"; fi
        else
          _jgvm_info "$_jgvm_what selected by $_jgvm_target"
          [ -z "${JGVM_GO_VERSION-}" ] || _jgvm_say warn 33 "JGVM_GO_VERSION=$JGVM_GO_VERSION overrides it in this shell"
        fi
        if [ "$_jgvm_text" = system ] && ! _jgvm_system go; then
          _jgvm_say warn 33 "there is no go on PATH besides jgvm's shims, so 'system' runs nothing until one is installed"
          _jgvm_say hint 32 "install Go with your package manager, or pick a jgvm version with 'jgvm use <version>'"
        fi
        # What is used here now, against the go.work/go.mod Go reads here (as UseCommand).
        if _jgvm_select && [ "$_jgvm_tok" != system ] && _jgvm_find; then _jgvm_gomod_warn; fi
        exit 0
      fi ;;
    env)
      _jgvm_here
      if [ "$_jgvm_tok" = system ]; then
        _jgvm_say error 31 "'system' is selected here (from $_jgvm_src); jgvm does not manage that Go"
        _jgvm_say hint 32 "use the go on your PATH directly, or pick a jgvm version with 'jgvm use <version>'"
        exit 3
      fi
      _jgvm_find || _jgvm_notinstalled
      _jgvm_goroot=$JGVM_HOME/versions/$_jgvm_ver
      _jgvm_gotc=${JGVM_GOTOOLCHAIN:-$_jgvm_gotc_default}
      if [ "$_jgvm_shell" = github ]; then
        # GitHub Actions reads later steps' environment from the files these variables name.
        { printf 'GOROOT=%s\n' "$_jgvm_goroot"; [ -z "$_jgvm_gotc" ] || printf 'GOTOOLCHAIN=%s\n' "$_jgvm_gotc"; } >>"$GITHUB_ENV" || exit 1
        printf '%s\n' "$_jgvm_goroot/bin" >>"$GITHUB_PATH" || exit 1
        _jgvm_info "set GOROOT=$_jgvm_goroot and added $_jgvm_goroot/bin to PATH for the next steps"
        exit 0
      fi
      _jgvm_sq "$_jgvm_goroot"; _jgvm_g=$_jgvm_sqd
      _jgvm_sq "$_jgvm_goroot/bin"; _jgvm_p=$_jgvm_sqd
      _jgvm_sq "$_jgvm_gotc"
      if [ "$_jgvm_shell" = fish ]; then
        printf 'set -gx GOROOT %s\nset -gx PATH %s $PATH\n' "$_jgvm_g" "$_jgvm_p"
        [ -z "$_jgvm_gotc" ] || printf 'set -gx GOTOOLCHAIN %s\n' "$_jgvm_sqd"
      else
        printf 'export GOROOT=%s\nexport PATH=%s:"$PATH"\n' "$_jgvm_g" "$_jgvm_p"
        [ -z "$_jgvm_gotc" ] || printf 'export GOTOOLCHAIN=%s\n' "$_jgvm_sqd"
      fi
      exit 0 ;;
    current|which)
      # Files that name no version are warned about, as the Java resolver does (go.mod and go.work only with -v).
      _jgvm_skip() {
        case $1 in */go.mod|*/go.work) ;; *) _jgvm_say warn 33 "skipped $1: $2" ;; esac
      }
      _jgvm_here
      if [ "$_jgvm_sub" = current ]; then
        if [ "$_jgvm_tok" = system ] || _jgvm_find; then
          [ "$_jgvm_tok" = system ] && _jgvm_ver=system
          if [ -n "$_jgvm_q" ]; then printf '%s\n' "$_jgvm_ver"; else printf '%s (from %s)\n' "$_jgvm_ver" "$_jgvm_src"; fi
          [ "$_jgvm_tok" = system ] || _jgvm_gomod_warn
          exit 0
        fi
        _jgvm_valid "$_jgvm_tok" || _jgvm_notinstalled
        if [ -n "$_jgvm_q" ]; then printf '%s\n' "$_jgvm_tok"; else printf '%s (from %s)\n' "$_jgvm_tok" "$_jgvm_src"; fi
        _jgvm_notinstalled
      fi
      _jgvm_cmd=${_jgvm_arg:-go}
      # A version command (go1.24.0) runs its own version whatever is selected here (ToolLookup.versionCommand).
      case $_jgvm_cmd in
        go[0123456789]*)
          for _jgvm_f in "$JGVM_HOME/versions/${_jgvm_cmd#go}/bin/go" "$JGVM_HOME/versions/${_jgvm_cmd#go}/bin/go.exe"; do
            [ -f "$_jgvm_f" ] && { printf '%s\n' "$_jgvm_f"; exit 0; }
          done ;;
      esac
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
      # As ToolLookup: 'jgvm use' helps only when another installed version has the tool (the quoted name is no pattern).
      for _jgvm_f in "$JGVM_HOME"/versions/*/bin/"$_jgvm_cmd" "$JGVM_HOME"/versions/*/bin/"$_jgvm_cmd.exe"; do
        [ -f "$_jgvm_f" ] && { _jgvm_say hint 32 "'$_jgvm_cmd' comes with other Go versions; pick one with 'jgvm use <version>'"; exit 1; }
      done
      _jgvm_say hint 32 "no installed Go version has a command '$_jgvm_cmd'; check the name"
      exit 1 ;;
  esac
fi

_jgvm_die() { echo "error: $1" >&2; [ -z "${2-}" ] || echo "hint: $2" >&2; exit 1; }

# doctor asks whether the shell that started jgvm runs translated by Rosetta: sysctl started from it runs translated
# too and says so (the JVM may run natively even then), so it is asked here (core.doctor.RosettaCheck).
for _jgvm_a; do
  case $_jgvm_a in
    doctor) _JGVM_SHELL_ROSETTA=$(sysctl -n sysctl.proc_translated 2>/dev/null) || _JGVM_SHELL_ROSETTA=
            export _JGVM_SHELL_ROSETTA; break ;;
    -*) ;;
    *) break ;;
  esac
done

# A native image (mvn -Pnative package where GraalVM exists, copied to lib/jgvm by hand) needs no JVM at all.
if [ -x "$_jgvm_lib/jgvm" ] && [ -z "${JGVM_TRAIN-}" ]; then
  [ -t 2 ] && JGVM_STDERR_TTY=1 && export JGVM_STDERR_TTY
  exec "$_jgvm_lib/jgvm" "$@"
fi

# The JVM's option variables hold what users want for their own Java programs: a collector there stopped every
# command ("Multiple garbage collectors selected"), an agent or --add-opens made JDK 24+ refuse the AOT cache with
# [error][aot] lines, and the JVM printed the whole value ("Picked up ...", passwords included) on stderr at each
# start. The JVM runs without them; their -D words (a company's trust store, say; one with a quote in it cannot be
# told apart here and is left out) go ahead of jgvm's own options, and each variable goes along as _JGVM_WAS_<name>,
# which dev.jgvm.core.env.Env puts back for the processes jgvm starts. Left out too are the properties that configure
# the JVM itself, the user's programs' alone: java.security.manager (=allow, kept for JDK 18-23) stops JDK 24+ at VM
# start, a java.system.class.loader jgvm has not stops every JDK, jdk.module.* is ignored with a warning at each
# start, and user.dir would have jgvm read (and 'use' write) another directory's .go-version.
# JDK_AOT_VM_OPTIONS (JDK 25+) goes the same way, none of it passed: the JVM reads it as it assembles an AOT cache, and a
# collector there failed jgvm's training, an agent made a cache every start refused with [error][aot] lines.
_jgvm_props=
for _jgvm_v in JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS JDK_AOT_VM_OPTIONS; do
  eval "_jgvm_o=\${$_jgvm_v-@unset}"
  [ "$_jgvm_o" != @unset ] || continue
  eval "_JGVM_WAS_$_jgvm_v=\$_jgvm_o; export _JGVM_WAS_$_jgvm_v; unset $_jgvm_v"
  [ "$_jgvm_v" != JDK_AOT_VM_OPTIONS ] || continue
  set -f
  for _jgvm_w in $_jgvm_o; do
    case $_jgvm_w in
      *[\"\'\\]*|-Djava.security.manager|-Djava.security.manager=*|-Djava.system.class.loader=*|-Djdk.module.*|-Duser.dir=*) ;;
      -D?*) _jgvm_props="$_jgvm_props $_jgvm_w" ;;
    esac
  done
  set +f
done

if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  _jgvm_java=$JAVA_HOME/bin/java
else
  _jgvm_java=$(command -v java) || _jgvm_die "jgvm needs Java 17 or newer, and no java was found" \
    "install a JDK 17+ (for example 'apt-get install openjdk-17-jre-headless') or set JAVA_HOME"
fi
# The real JDK behind /usr/bin/java and the like, for its release file and as part of the cache key.
_jgvm_real=$(readlink -f "$_jgvm_java" 2>/dev/null) || _jgvm_real=$_jgvm_java
_jgvm_jdk=${_jgvm_real%/bin/java}
_jgvm_ver= _jgvm_build=
if [ -f "$_jgvm_jdk/release" ]; then
  while IFS= read -r _jgvm_l; do
    case $_jgvm_l in
      JAVA_RUNTIME_VERSION=*) _jgvm_build=${_jgvm_l#JAVA_RUNTIME_VERSION=}; _jgvm_build=${_jgvm_build#\"}; _jgvm_build=${_jgvm_build%\"} ;;
      JAVA_VERSION=*) _jgvm_ver=${_jgvm_l#JAVA_VERSION=}; _jgvm_ver=${_jgvm_ver#\"}; _jgvm_ver=${_jgvm_ver%\"}; break ;;
    esac
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

# One cache per JDK (its version and where it lives): a changed JDK gets a new one. The version is the build's
# (JAVA_RUNTIME_VERSION, listed before JAVA_VERSION) where the release file says it: a JDK rebuilt in place under the
# same JAVA_VERSION (a package revision, a respin) cannot map the old build's cache, and JDK 24+ then print three
# "[error][aot]" lines at every start (core.doctor.JdkCheck keys them alike).
# A byte at a time (LC_ALL=C): bash under a UTF-8 locale would take a character, dash and busybox a byte, and the
# same JDK would get a name per shell and locale, none of them the one doctor looks for.
# _jgvm_bytes TEXT: sets _jgvm_s to TEXT with each byte outside [A-Za-z0-9.+-] made _.
_jgvm_bytes() {
  _jgvm_key=$1 _jgvm_s=
  while [ -n "$_jgvm_key" ]; do
    _jgvm_c=${_jgvm_key%"${_jgvm_key#?}"}
    _jgvm_key=${_jgvm_key#?}
    case $_jgvm_c in [A-Za-z0-9.+-]) _jgvm_s=$_jgvm_s$_jgvm_c ;; *) _jgvm_s=${_jgvm_s}_ ;; esac
  done
}
_jgvm_lc=${LC_ALL-@unset} LC_ALL=C
_jgvm_bytes "$_jgvm_jdk"; _jgvm_safejdk=$_jgvm_s
_jgvm_bytes "${_jgvm_build:-$_jgvm_ver}"; _jgvm_safe=$_jgvm_s-$_jgvm_safejdk
# bash warns again at each assignment of a locale that is not installed (it did once as it started): quiet here.
{ if [ "$_jgvm_lc" = @unset ]; then unset LC_ALL; else LC_ALL=$_jgvm_lc; fi; } 2>/dev/null
# Each start pays for the whole cache, not only the classes it uses: on 24+ it loads every class its AOT cache holds
# (AOT class linking: ~10 ms of CPU per thousand), and a 17-23 archive is mapped at a random address and every pointer
# in it relocated (ArchiveRelocationMode=1, the default since 17.0.7; ~12 ms of `list --json`'s 116 on 17.0.15 with
# one archive for all). So the everyday commands (_jgvm_lean below) get a cache trained on them alone
# (dev.jgvm.cli.Train quick) and the others one trained on all.
if [ "$_jgvm_major" -ge 24 ]; then
  _jgvm_cache=$_jgvm_lib/cache/$_jgvm_safe.aot _jgvm_acache=$_jgvm_lib/cache/$_jgvm_safe.all.aot
else
  _jgvm_cache=$_jgvm_lib/cache/$_jgvm_safe.jsa _jgvm_acache=$_jgvm_lib/cache/$_jgvm_safe.all.jsa
fi

# File names are bytes, but the JVM turns them into text with the locale's charset (sun.jnu.encoding, which no -D
# option changes): under C or POSIX, as in containers, cron and `env -i`, it cannot even name a non-ASCII file. So
# the JVM runs with a UTF-8 locale; the user's LC_ALL goes along in _JGVM_LC_ALL, and dev.jgvm.core.env.Env puts it
# back for the processes jgvm starts. file.encoding is UTF-8 on JDK 17 as on 18+.
_jgvm_utf8=-Dfile.encoding=UTF-8
case ${LC_ALL:-${LC_CTYPE:-${LANG-}}} in
  *[Uu][Tt][Ff]-8*|*[Uu][Tt][Ff]8*) ;;
  *) _JGVM_LC_ALL=${LC_ALL-@unset} LC_ALL=C.UTF-8; export _JGVM_LC_ALL LC_ALL ;;
esac

# _jgvm_train CACHE [quick]: writes CACHE by running the training workload (dev.jgvm.cli.Train) under the JDK's recorder.
# The JDK writes into a file of this shell's own, renamed to CACHE once complete: a start finding CACHE maps it, and a
# half-written one (a start while the background training writes, every start after a training killed midway) made
# JDK 24+ print "[error][aot] ..." on stderr and 17-23 silently start without one while doctor called it trained.
_jgvm_train() {
  _jgvm_t=${1%.*}.tmp$$.${1##*.}
  if [ "$_jgvm_major" -ge 25 ]; then
    "$_jgvm_java" -XX:+UseSerialGC -Xmx160m -XX:-UsePerfData -Xlog:disable $_jgvm_utf8 "-XX:AOTCacheOutput=$_jgvm_t" -cp "$_jgvm_lib/jgvm-cli.jar" dev.jgvm.cli.Train ${2:+"$2"}
  elif [ "$_jgvm_major" -ge 24 ]; then
    "$_jgvm_java" -XX:+UseSerialGC -Xmx160m -XX:-UsePerfData -Xlog:disable $_jgvm_utf8 -XX:AOTMode=record "-XX:AOTConfiguration=$_jgvm_t.conf" \
      -cp "$_jgvm_lib/jgvm-cli.jar" dev.jgvm.cli.Train ${2:+"$2"} &&
    "$_jgvm_java" -XX:+UseSerialGC -Xmx160m -XX:-UsePerfData -Xlog:disable $_jgvm_utf8 -XX:AOTMode=create "-XX:AOTConfiguration=$_jgvm_t.conf" \
      "-XX:AOTCache=$_jgvm_t" -cp "$_jgvm_lib/jgvm-cli.jar"
  else
    "$_jgvm_java" -XX:+UseSerialGC -Xmx160m -XX:-UsePerfData -Xlog:disable $_jgvm_utf8 "-XX:ArchiveClassesAtExit=$_jgvm_t" -cp "$_jgvm_lib/jgvm-cli.jar" dev.jgvm.cli.Train ${2:+"$2"}
  fi && [ -f "$_jgvm_t" ] && mv -f "$_jgvm_t" "$1"
  set -- $?
  # JDK 25 records the training beside the cache (.config, ~15 MB) and leaves it there when assembling the cache fails.
  rm -f "$_jgvm_t" "$_jgvm_t.conf" "$_jgvm_t.config"
  return "$1"
}

# _jgvm_train_logged CACHE [quick]: _jgvm_train under CACHE.lock, which the caller took. Done, the lock goes; failed, it
# stays, with what the training printed as CACHE.lock/failed (doctor shows its last line).
_jgvm_train_logged() {
  if _jgvm_train "$1" ${2:+"$2"} >"$1.lock/log" 2>&1; then rm -rf "$1.lock"; _jgvm_prune
  else mv -f "$1.lock/log" "$1.lock/failed"; return 1; fi
}

# _jgvm_prune: removes the caches (and training locks) earlier builds of this same JDK home left: a JDK updated in
# place (a package update) gets a new key each time, and each build's 20-50 MB stayed for good. A name whose version
# part holds a _ could be another home's that ends in this one's, and is left alone.
_jgvm_prune() {
  for _jgvm_f in "$_jgvm_lib/cache/"*-"$_jgvm_safejdk".jsa "$_jgvm_lib/cache/"*-"$_jgvm_safejdk".all.jsa \
      "$_jgvm_lib/cache/"*-"$_jgvm_safejdk".aot "$_jgvm_lib/cache/"*-"$_jgvm_safejdk".all.aot \
      "$_jgvm_lib/cache/"*-"$_jgvm_safejdk".jsa.lock "$_jgvm_lib/cache/"*-"$_jgvm_safejdk".all.jsa.lock \
      "$_jgvm_lib/cache/"*-"$_jgvm_safejdk".aot.lock "$_jgvm_lib/cache/"*-"$_jgvm_safejdk".all.aot.lock; do
    case ${_jgvm_f##*/} in
      "$_jgvm_safe".*|*_*-"$_jgvm_safejdk".*) ;;
      *) [ ! -e "$_jgvm_f" ] || rm -rf "$_jgvm_f" 2>/dev/null ;;
    esac
  done
}

# _jgvm_lock DIR: takes the background training's lock. A lock an hour old is a training that failed (it keeps its
# lock) or was killed (a reboot, the OOM killer: it never removed it), and is taken over; `find` is only run here.
# One this user cannot remove (another account's, in a lib/cache shared read-only) is left as it is, quietly: rm's
# complaint came at every JVM command.
_jgvm_lock() {
  mkdir "$1" 2>/dev/null && return
  [ -n "$(find "$1" -prune -mmin +60 2>/dev/null)" ] && rm -rf "$1" 2>/dev/null && mkdir "$1" 2>/dev/null
}

if [ -n "${JGVM_TRAIN-}" ]; then   # install.sh: (re)train now, in the foreground; prints the caches written
  # Also what trainings killed midway or failed left, the files they wrote into (_jgvm_train) and their locks: doctor
  # --fix comes here.
  mkdir -p "$_jgvm_lib/cache" &&
    rm -rf "$_jgvm_cache" "$_jgvm_acache" "$_jgvm_lib/cache/$_jgvm_safe".tmp[0-9]* "$_jgvm_lib/cache/$_jgvm_safe".all.tmp[0-9]* \
      "$_jgvm_cache.lock" "$_jgvm_acache.lock" || exit
  mkdir "$_jgvm_cache.lock" && _jgvm_train_logged "$_jgvm_cache" quick && [ -f "$_jgvm_cache" ] &&
    mkdir "$_jgvm_acache.lock" && _jgvm_train_logged "$_jgvm_acache" && [ -f "$_jgvm_acache" ] &&
    echo "$_jgvm_cache" && echo "$_jgvm_acache"
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
# The lean cache's commands (what Train quick runs): the global options alone (--help, --version, none), and list,
# current, which and env with any options. Everything else starts from the cache trained on all.
_jgvm_lean=1
for _jgvm_a; do
  case $_jgvm_a in
    list|ls|current|which|env) break ;;
    -*) ;;
    *) _jgvm_lean=; break ;;
  esac
done
_jgvm_mode=
if [ -n "$_jgvm_lean" ]; then _jgvm_mode=quick; else _jgvm_cache=$_jgvm_acache; fi
set -- -cp "$_jgvm_lib/jgvm-cli.jar" dev.jgvm.cli.Main "$@"
# A bounded heap: everything streams, and an install stays well under the 200 MB of RSS the install budget allows.
set -- -XX:+UseSerialGC -Xmx160m -XX:-UsePerfData -Xlog:disable -Xlog:all=error:stderr $_jgvm_utf8 "$@"
# Installs run for seconds and need C2 for one thing: SHA-256 runs on the CPU's SHA instructions only in C2 code.
# So C2 compiles the digest's block loop after a few calls (CompileThresholdScaling, quiet: CompileCommand otherwise
# prints on stdout), and otherwise only what stays hot for all of an install, loops included (Tier4BackEdgeThreshold),
# not each of the hundreds of methods every extracted file passes through once. C2 threads spent ~0.98 s of CPU per
# install of a 122 MB archive with the invocation thresholds alone, ~0.30 s with these (async-profiler, tmpfs).
# The quick commands run for a fraction of a second: C1 only, and only for what is called thousands of times
# (tenfold tier-3 thresholds: ~30 ms less compiler CPU on JDK 17). On JDK 25+ the AOT cache also replays the training
# run's compilations, an install's included, ~50 ms of compiler CPU a quick command never gets back: not replayed
# (a diagnostic flag; IgnoreUnrecognizedVMOptions keeps a JDK that drops it starting).
# The everyday commands (_jgvm_lean) run a few milliseconds of bytecode, no loop a compiler would pay back: interpreted,
# with no compiler thread to start (C1's was ~10 ms of CPU, a tenth of `list --json`, on JDK 17 and on 25).
if [ -n "$_jgvm_lean" ]; then
  set -- -Xint "$@"
elif [ -n "$_jgvm_quick" ]; then
  set -- -XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000 \
    -XX:Tier3CompileThreshold=20000 -XX:Tier3BackEdgeThreshold=600000 "$@"
  [ "$_jgvm_major" -lt 25 ] || set -- -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining "$@"
else set -- -XX:Tier4InvocationThreshold=100000 -XX:Tier4MinInvocationThreshold=100000 -XX:Tier4CompileThreshold=150000 \
  -XX:Tier4BackEdgeThreshold=1000000 -XX:CompileCommand=quiet \
  -XX:CompileCommand=CompileThresholdScaling,sun.security.provider.DigestBase::implCompressMultiBlock0,0.0001 \
  -XX:CompileCommand=CompileThresholdScaling,sun.security.provider.SHA2::implCompress,0.0001 "$@"
fi
if [ -f "$_jgvm_cache" ]; then
  if [ "$_jgvm_major" -ge 24 ]; then set -- "-XX:AOTCache=$_jgvm_cache" "$@"; else set -- "-XX:SharedArchiveFile=$_jgvm_cache" "$@"; fi
elif [ -z "${JGVM_NO_TRAIN-}" ] && mkdir -p "$_jgvm_lib/cache" 2>/dev/null && _jgvm_lock "$_jgvm_cache.lock"; then
  # A JDK without a cache yet: train one in the background for the next start. A training that fails keeps its lock
  # (_jgvm_train_logged), so a JDK that cannot train (17-23 without their base CDS archive stop at once) does not start
  # another at every command: the next try is an hour on (_jgvm_lock), or doctor --fix.
  ( _jgvm_train_logged "$_jgvm_cache" $_jgvm_mode ) </dev/null >/dev/null 2>&1 &
fi

[ -t 2 ] && JGVM_STDERR_TTY=1 && export JGVM_STDERR_TTY
set -f
exec "$_jgvm_java" $_jgvm_props "$@"
