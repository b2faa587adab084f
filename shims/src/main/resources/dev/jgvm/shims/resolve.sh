# jgvm version resolver (DESIGN §4), shared by the shims and by `jgvm current`/`jgvm which` in the launcher.
# POSIX sh, builtins only: no cat, sed, $(...) or JVM on the way to a found version. Kept in step with the Java
# VersionResolver by the conformance vectors in test-fixtures: change a vector first, then both sides.
# _jgvm_select sets _jgvm_tok (the spec without "go") and _jgvm_src (JGVM_GO_VERSION or the file it came from);
# _jgvm_find sets _jgvm_ver (the installed directory name). Needs JGVM_HOME and _jgvm_gomod (1 or 0).
_jgvm_cr='@CR@'
_jgvm_bom='@BOM@'

# A usable token: latest, system, or a digit followed by digits, lower-case letters and dots only.
_jgvm_ok() {
  case $1 in
    latest|system) return 0 ;;
    [0123456789]*)
      case $1 in *[!0123456789abcdefghijklmnopqrstuvwxyz.]*) return 1 ;; esac
      return 0 ;;
  esac
  return 1
}

# _jgvm_line: strips a BOM, one trailing CR and leading blanks from _jgvm_l.
_jgvm_line() {
  _jgvm_l=${_jgvm_l#"$_jgvm_bom"}
  _jgvm_l=${_jgvm_l%"$_jgvm_cr"}
  _jgvm_l=${_jgvm_l#"${_jgvm_l%%[!	 ]*}"}
}

# .go-version and the global version file: the first token of the first line that is not blank or a # comment.
_jgvm_gv() {
  while IFS= read -r _jgvm_l || [ -n "$_jgvm_l" ]; do
    _jgvm_line
    case $_jgvm_l in ''|'#'*) continue ;; esac
    _jgvm_t=${_jgvm_l%%[	 ]*}
    _jgvm_t=${_jgvm_t#go}
    _jgvm_ok "$_jgvm_t" || return 1
    _jgvm_tok=$_jgvm_t
    return 0
  done <"$1"
  return 1
}

# .tool-versions (KEY golang|go) and go.work/go.mod (KEY toolchain): the first version word of the first KEY line.
_jgvm_kv() {
  _jgvm_k=$2
  while IFS= read -r _jgvm_l || [ -n "$_jgvm_l" ]; do
    _jgvm_line
    _jgvm_w ${_jgvm_l} && return 0   # split on blanks; the shim runs with set -f, so no globbing
    [ "$_jgvm_hit" = 1 ] && return 1
  done <"$1"
  return 1
}

# _jgvm_w WORD...: checks one line's words (the function's own positional parameters, so "$@" stays intact).
_jgvm_w() {
  _jgvm_hit=0
  case $_jgvm_k:${1-} in
    tv:golang|tv:go|tc:toolchain) _jgvm_hit=1 ;;
    *) return 1 ;;
  esac
  [ $# -ge 2 ] || return 1
  _jgvm_t=${2#go}
  _jgvm_ok "$_jgvm_t" || return 1
  _jgvm_tok=$_jgvm_t
  return 0
}

_jgvm_select() {
  _jgvm_tok= _jgvm_src=
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
    if [ -f "$_jgvm_d/.go-version" ] && _jgvm_gv "$_jgvm_d/.go-version"; then _jgvm_src=$_jgvm_d/.go-version; return 0; fi
    if [ -f "$_jgvm_d/.tool-versions" ] && _jgvm_kv "$_jgvm_d/.tool-versions" tv; then _jgvm_src=$_jgvm_d/.tool-versions; return 0; fi
    if [ "$_jgvm_gomod" = 1 ]; then
      if [ -f "$_jgvm_d/go.work" ] && _jgvm_kv "$_jgvm_d/go.work" tc; then _jgvm_src=$_jgvm_d/go.work; return 0; fi
      if [ -f "$_jgvm_d/go.mod" ] && _jgvm_kv "$_jgvm_d/go.mod" tc; then _jgvm_src=$_jgvm_d/go.mod; return 0; fi
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

# The first CMD on PATH outside JGVM_HOME/shims, for the spec "system"; sets _jgvm_sys.
_jgvm_system() {
  _jgvm_sys=
  _jgvm_p=$PATH:
  while [ -n "$_jgvm_p" ]; do
    _jgvm_e=${_jgvm_p%%:*}
    _jgvm_p=${_jgvm_p#*:}
    case $_jgvm_e in ''|"$JGVM_HOME/shims"|"$JGVM_HOME/shims/") continue ;; esac
    if [ -f "$_jgvm_e/$1" ] && [ -x "$_jgvm_e/$1" ]; then _jgvm_sys=$_jgvm_e/$1; return 0; fi
  done
  return 1
}
