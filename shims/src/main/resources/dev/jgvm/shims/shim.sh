#!/bin/sh
# jgvm shim for '@CMD@', written by jgvm (rehash, install, uninstall); do not edit.
# Runs the '@CMD@' of the Go version selected here (see README) with GOROOT set and $GOROOT/bin first on PATH.
JGVM_HOME=${JGVM_HOME:-@HOME@}
JGVM_HOME=${JGVM_HOME%/}
_jgvm_gomod_default=@READ_GO_MOD@
_jgvm_cmd=@CMD@
_JGVM_SHIM_DEPTH=x${_JGVM_SHIM_DEPTH-}
export _JGVM_SHIM_DEPTH
_jgvm_rehash= _jgvm_big=
test "$JGVM_HOME/config.toml" -nt "$JGVM_HOME/shims/.settings" && _jgvm_rehash=1
@FAST@
# A recursion guard: one x per shim run in a row that has not reached a real command yet (a 'system' go, or a
# version's bin/ that leads back here, would otherwise exec forever); the fast path above stops at 17 too.
case $_JGVM_SHIM_DEPTH in
  xxxxxxxxxxxxxxxxx*)
    echo "error: jgvm's '$_jgvm_cmd' shim ran 16 times in a row without reaching a real '$_jgvm_cmd' (a loop)" >&2
    echo "hint: a '$_jgvm_cmd' on PATH or in the selected version leads back to the shims in '$JGVM_HOME/shims'; remove it, or pick a version with 'jgvm use <version>'" >&2
    exit 127 ;;
esac
# config.toml changed since these shims were written: write them again (settings are baked in), then run anew.
if [ -n "$_jgvm_rehash" ]; then
  "$JGVM_HOME/bin/jgvm" -q rehash >&2 && ! [ "$JGVM_HOME/config.toml" -nt "$JGVM_HOME/shims/.settings" ] &&
    { _JGVM_SHIM_DEPTH=${_JGVM_SHIM_DEPTH#x}; exec "$0" "$@"; }
fi
@RESOLVE@
_jgvm_unreadable() {
  echo "warn: cannot read '$1'; skipped it" >&2
  echo "hint: make it readable ('chmod a+r $1') or remove it" >&2
}
@TOOLCHAIN@
if _jgvm_select; then
  if [ "$_jgvm_tok" = system ]; then
    _jgvm_system "$_jgvm_cmd" && { unset _JGVM_SHIM_INSTALLED; exec "$_jgvm_sys" "$@"; }
    echo "error: no '$_jgvm_cmd' on PATH besides jgvm's shims ('system' selected by $_jgvm_src)" >&2
    echo "hint: install Go system-wide, or pick a jgvm version with 'jgvm use <version>'" >&2
    exit 127
  fi
  if _jgvm_find; then
    GOROOT=$JGVM_HOME/versions/$_jgvm_ver
    if [ -f "$GOROOT/bin/$_jgvm_cmd" ]; then
      PATH=$GOROOT/bin:$PATH
      export GOROOT PATH
      _jgvm_gotc=${JGVM_GOTOOLCHAIN:-@GOTOOLCHAIN@}
      if [ -n "$_jgvm_gotc" ]; then GOTOOLCHAIN=$_jgvm_gotc; export GOTOOLCHAIN; fi
      unset _JGVM_SHIM_INSTALLED
@SWITCH@
      exec "$GOROOT/bin/$_jgvm_cmd" "$@"
    fi
    echo "error: go $_jgvm_ver has no '$_jgvm_cmd' (go $_jgvm_ver selected by $_jgvm_src)" >&2
    echo "hint: '$_jgvm_cmd' comes with other Go versions; pick one with 'jgvm use <version>'" >&2
    exit 127
  fi
  if ! _jgvm_valid "$_jgvm_tok"; then
    echo "error: '$_jgvm_tok' is not a Go version (selected by $_jgvm_src)" >&2
    echo "hint: write a release such as 1.22.5 or go1.21rc2, a line such as 1.22, latest or system there" >&2
    exit 127
  fi
  _jgvm_bool "${JGVM_AUTO_INSTALL-}" @AUTO_INSTALL@
  case $_jgvm_b in
    1)
      # Once per process: the shim runs again after the install (same pid, exec), a child's shim installs anew.
      if [ "${_JGVM_SHIM_INSTALLED-}" != "$$" ]; then
        echo "info: go $_jgvm_tok is not installed; installing it (selected by $_jgvm_src)" >&2
        export JGVM_HOME   # the install goes to the home these shims belong to
        # Its answer on stdout (the new GOROOT, for scripts) is no part of the command's output; its info: lines say it.
        "$JGVM_HOME/bin/jgvm" install "$_jgvm_tok" >/dev/null || exit 127
        _JGVM_SHIM_INSTALLED=$$ _JGVM_SHIM_DEPTH=${_JGVM_SHIM_DEPTH#x}
        export _JGVM_SHIM_INSTALLED
        exec "$0" "$@"
      fi ;;
  esac
  echo "error: go $_jgvm_tok is not installed (selected by $_jgvm_src)" >&2
  echo "hint: run 'jgvm install $_jgvm_tok', or pick an installed version with 'jgvm use <version>'" >&2
  exit 127
fi
echo "error: no Go version is selected in $PWD" >&2
echo "hint: run 'jgvm use <version>' here for this project, or 'jgvm use --global <version>' for a default" >&2
exit 127
