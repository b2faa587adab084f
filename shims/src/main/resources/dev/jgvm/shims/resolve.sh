# jgvm version resolver (README, 'Which version a directory uses'), shared by the shims and by `jgvm current`/`jgvm which` in the launcher.
# POSIX sh, builtins only: no cat, sed, $(...) or JVM on the way to a found version. Kept in step with the Java
# VersionResolver by the conformance vectors in test-fixtures: change a vector first, then both sides.
# _jgvm_select sets _jgvm_tok (the spec without "go") and _jgvm_src (JGVM_GO_VERSION or the file it came from);
# _jgvm_find sets _jgvm_ver (the installed directory name). Needs JGVM_HOME; JGVM_READ_GO_MOD overrides
# _jgvm_gomod_default (1 or 0, baked in from config.toml's read_go_mod).
_jgvm_cr='@CR@'
_jgvm_bom='@BOM@'

# _jgvm_bool VALUE DEFAULT: sets _jgvm_b to 1 or 0 the way jgvm reads boolean variables (1/true/yes/on, 0/false/no/off).
_jgvm_bool() {
  case $1 in
    1|true|yes|on) _jgvm_b=1 ;;
    0|false|no|off) _jgvm_b=0 ;;
    *) _jgvm_b=$2 ;;
  esac
}

# A usable token: latest, system, or a digit (or v and a digit) followed by digits, lower-case letters and dots only.
# It selects a version even when it is not a valid one (1.22.05, v1.22.5): that is said where it is used (_jgvm_valid).
_jgvm_ok() {
  case $1 in
    latest|system) return 0 ;;
    [0123456789]*|v[0123456789]*)
      case $1 in *[!0123456789abcdefghijklmnopqrstuvwxyz.]*) return 1 ;; esac
      return 0 ;;
  esac
  return 1
}

# _jgvm_valid TOKEN: whether jgvm can act on a selected token, as Java's VersionSpec.parse decides: latest, system, or a
# Go version (Go's internal/gover grammar: numbers without leading zeros, 1, 1.22, 1.22.5, 1.21rc2, and the old patch
# pre-releases such as 1.9.2rc2). Near misses such as 1.22.05, 01.22.5, 1.22.5. or v1.22.5 are not, and are never
# offered for install.
_jgvm_valid() {
  case $1 in latest|system) return 0 ;; esac
  _jgvm_vr=$1
  _jgvm_int || return 1
  [ -z "$_jgvm_vr" ] && return 0
  case $_jgvm_vr in .*) _jgvm_vr=${_jgvm_vr#.} ;; *) return 1 ;; esac
  _jgvm_int || return 1
  [ -z "$_jgvm_vr" ] && return 0
  case $_jgvm_vr in
    .*) _jgvm_vr=${_jgvm_vr#.}
        _jgvm_int || return 1
        [ -z "$_jgvm_vr" ] && return 0 ;;
  esac
  _jgvm_vk=${_jgvm_vr%%[!abcdefghijklmnopqrstuvwxyz]*}
  [ -n "$_jgvm_vk" ] || return 1
  _jgvm_vr=${_jgvm_vr#"$_jgvm_vk"}
  [ -z "$_jgvm_vr" ] && return 0
  _jgvm_int && [ -z "$_jgvm_vr" ]
}

# _jgvm_int: takes one number (digits, no leading zero) off the front of _jgvm_vr; fails when there is none.
_jgvm_int() {
  _jgvm_vn=${_jgvm_vr%%[!0123456789]*}
  case $_jgvm_vn in ''|0?*) return 1 ;; esac
  _jgvm_vr=${_jgvm_vr#"$_jgvm_vn"}
}

# _jgvm_line: strips a BOM, one trailing CR and leading blanks from _jgvm_l.
_jgvm_line() {
  _jgvm_l=${_jgvm_l#"$_jgvm_bom"}
  _jgvm_l=${_jgvm_l%"$_jgvm_cr"}
  _jgvm_l=${_jgvm_l#"${_jgvm_l%%[!	 ]*}"}
}

# _jgvm_skip FILE REASON is called for a file that names no version; the shims stay silent, the launcher's
# `jgvm current` and `jgvm which` redefine it to warn with the same reasons as the Java resolver.
_jgvm_skip() { :; }

# _jgvm_unreadable FILE: a version file that cannot be read is skipped like one that names no version; the shims
# redefine it to say so, where the shell would print its own error.
_jgvm_unreadable() { _jgvm_skip "$1" "not readable"; }

# Version files are read as the Java resolver reads them: up to their 100th line, and only lines that end (newline, or
# the end of a shorter file) within the first 4096 bytes, NUL bytes not counted. Where read takes -n (bash, busybox sh),
# reading stops there, so a huge file costs no more than a small one. dash's read has no -n and reads a line whole,
# byte by byte; no dash builtin reads less than a line, so there a long line costs its length (README, 'Version files').
_jgvm_rn=
{ IFS= read -r -n 1 _jgvm_l; } 2>/dev/null <<'_jgvm_probe'
ab
_jgvm_probe
[ "$_jgvm_l" = a ] && _jgvm_rn=1

# _jgvm_open: starts reading a version file (on stdin); _jgvm_next reads its next line into _jgvm_l and fails at the
# end of what counts. Lengths are bytes: -n and ${#} count characters, so the C locale is in force meanwhile.
_jgvm_open() {
  _jgvm_i=0 _jgvm_c=0 _jgvm_lcs=${LC_ALL+1} _jgvm_lcv=${LC_ALL-}
  [ -z "$_jgvm_rn" ] || LC_ALL=C
}
_jgvm_close() {
  [ -z "$_jgvm_rn" ] && return
  if [ -n "$_jgvm_lcs" ]; then LC_ALL=$_jgvm_lcv; else unset LC_ALL; fi
}
_jgvm_next() {
  [ "$_jgvm_i" -lt 100 ] && [ "$_jgvm_c" -lt 4096 ] || return 1
  _jgvm_i=$((_jgvm_i + 1))
  if [ -n "$_jgvm_rn" ]; then
    IFS= read -r -n $((4096 - _jgvm_c)) _jgvm_l || [ -n "$_jgvm_l" ] || return 1
  else
    IFS= read -r _jgvm_l || [ -n "$_jgvm_l" ] || return 1
  fi
  _jgvm_c=$((_jgvm_c + ${#_jgvm_l} + 1))
  [ "$_jgvm_c" -le 4096 ]
}

# .go-version and the global version file: the first token of the first line that is not blank or a # comment.
_jgvm_gv() {
  [ -r "$1" ] || { _jgvm_unreadable "$1"; return 1; }
  # The shim's fast path read this file's first line already and found it 4096 bytes long or more (fast.sh).
  case $1 in "${_jgvm_big-}") _jgvm_skip "$1" "no version in it"; return 1 ;; esac
  _jgvm_open
  while _jgvm_next; do
    _jgvm_line
    case $_jgvm_l in ''|'#'*) continue ;; esac
    _jgvm_close
    _jgvm_t=${_jgvm_l%%[	 ]*}
    if ! _jgvm_ok "${_jgvm_t#go}"; then _jgvm_skip "$1" "'$_jgvm_t' is not a version"; return 1; fi
    _jgvm_tok=${_jgvm_t#go}
    return 0
  done <"$1"
  _jgvm_close
  _jgvm_skip "$1" "no version in it"
  return 1
}

# .tool-versions (KEY golang|go) and go.work/go.mod (KEY toolchain): the first version word of the first KEY line.
_jgvm_kv() {
  [ -r "$1" ] || { _jgvm_unreadable "$1"; return 1; }
  _jgvm_k=$2
  _jgvm_open
  while _jgvm_next; do
    _jgvm_line
    # Split on blanks with globbing off (a word such as * must stay itself), then restore the caller's setting.
    _jgvm_fl=$-
    set -f
    _jgvm_w ${_jgvm_l}
    _jgvm_rc=$?
    case $_jgvm_fl in *f*) ;; *) set +f ;; esac
    [ "$_jgvm_rc" = 0 ] && { _jgvm_close; return 0; }
    if [ "$_jgvm_hit" = 1 ]; then _jgvm_close; _jgvm_skip "$1" "$_jgvm_why"; return 1; fi
  done <"$1"
  _jgvm_close
  case $_jgvm_k in tv) _jgvm_skip "$1" "no golang or go line" ;; *) _jgvm_skip "$1" "no toolchain line (the go line is a minimum, never a pin)" ;; esac
  return 1
}

# _jgvm_w WORD...: checks one line's words (the function's own positional parameters, so "$@" stays intact).
_jgvm_w() {
  _jgvm_hit=0
  case $_jgvm_k:${1-} in
    tv:golang|tv:go|tc:toolchain) _jgvm_hit=1 ;;
    *) return 1 ;;
  esac
  if [ $# -lt 2 ]; then
    case $_jgvm_k in tv) _jgvm_why="'$1' line has no version" ;; *) _jgvm_why="toolchain line has no version" ;; esac
    return 1
  fi
  if ! _jgvm_ok "${2#go}"; then
    case $_jgvm_k in tv) _jgvm_why="'$2' is not a version" ;; *) _jgvm_why="toolchain '$2' is not a version" ;; esac
    return 1
  fi
  _jgvm_tok=${2#go}
  return 0
}

_jgvm_select() {
  _jgvm_tok= _jgvm_src=
  _jgvm_bool "${JGVM_READ_GO_MOD-}" "${_jgvm_gomod_default:-1}"
  _jgvm_gomod=$_jgvm_b
  if [ -n "${JGVM_GO_VERSION-}" ]; then
    _jgvm_l=$JGVM_GO_VERSION
    _jgvm_line
    _jgvm_t=${_jgvm_l%%[	 ]*}
    _jgvm_t=${_jgvm_t#go}
    if _jgvm_ok "$_jgvm_t"; then _jgvm_tok=$_jgvm_t _jgvm_src=JGVM_GO_VERSION; return 0; fi
  fi
  _jgvm_d=${PWD:-/}
  [ "$_jgvm_d" = / ] && _jgvm_d=
  while :; do
    # One test command per directory: most directories have none of the four files.
    if [ -f "$_jgvm_d/.go-version" -o -f "$_jgvm_d/.tool-versions" -o -f "$_jgvm_d/go.work" -o -f "$_jgvm_d/go.mod" ]; then
      if [ -f "$_jgvm_d/.go-version" ] && _jgvm_gv "$_jgvm_d/.go-version"; then _jgvm_src=$_jgvm_d/.go-version; return 0; fi
      if [ -f "$_jgvm_d/.tool-versions" ] && _jgvm_kv "$_jgvm_d/.tool-versions" tv; then _jgvm_src=$_jgvm_d/.tool-versions; return 0; fi
      if [ "$_jgvm_gomod" = 1 ]; then
        if [ -f "$_jgvm_d/go.work" ] && _jgvm_kv "$_jgvm_d/go.work" tc; then _jgvm_src=$_jgvm_d/go.work; return 0; fi
        if [ -f "$_jgvm_d/go.mod" ] && _jgvm_kv "$_jgvm_d/go.mod" tc; then _jgvm_src=$_jgvm_d/go.mod; return 0; fi
      fi
    fi
    [ -n "$_jgvm_d" ] || break
    _jgvm_d=${_jgvm_d%/*}
  done
  if [ -f "$JGVM_HOME/version" ] && _jgvm_gv "$JGVM_HOME/version"; then _jgvm_src=$JGVM_HOME/version; return 0; fi
  return 1
}

# The installed version for _jgvm_tok: aliases first (a line such as 1.20 means its newest patch), then the
# version directory itself.
_jgvm_find() {
  _jgvm_ver=
  if [ -f "$JGVM_HOME/aliases/$_jgvm_tok" ]; then
    IFS= read -r _jgvm_ver <"$JGVM_HOME/aliases/$_jgvm_tok" || :
    [ -n "$_jgvm_ver" ] && [ -d "$JGVM_HOME/versions/$_jgvm_ver" ] && return 0
    _jgvm_ver=
  fi
  if [ -d "$JGVM_HOME/versions/$_jgvm_tok" ]; then _jgvm_ver=$_jgvm_tok; return 0; fi
  return 1
}

# The first CMD on PATH that is not one of jgvm's shims, for the spec "system"; sets _jgvm_sys. The shims directory
# is recognised as the same directory, however PATH spells it (a symlink, //, a trailing /), and so is a link to a
# shim placed elsewhere.
_jgvm_system() {
  _jgvm_sys=
  _jgvm_p=$PATH:
  while [ -n "$_jgvm_p" ]; do
    _jgvm_e=${_jgvm_p%%:*}
    _jgvm_p=${_jgvm_p#*:}
    [ -n "$_jgvm_e" ] || continue
    if [ -f "$_jgvm_e/$1" ] && [ -x "$_jgvm_e/$1" ] && ! [ "$_jgvm_e" -ef "$JGVM_HOME/shims" ] &&
      ! [ "$_jgvm_e/$1" -ef "$JGVM_HOME/shims/$1" ]; then
      _jgvm_sys=$_jgvm_e/$1
      return 0
    fi
  done
  return 1
}
