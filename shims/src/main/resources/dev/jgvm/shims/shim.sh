#!/bin/sh
# jgvm shim for '@CMD@', written by jgvm (rehash, install, uninstall); do not edit.
# Runs the '@CMD@' of the Go version selected here (see README) with GOROOT set and $GOROOT/bin first on PATH.
JGVM_HOME=${JGVM_HOME:-@HOME@}
_jgvm_gomod_default=@READ_GO_MOD@
_jgvm_cmd=@CMD@
@RESOLVE@
if _jgvm_select; then
  if [ "$_jgvm_tok" = system ]; then
    _jgvm_system "$_jgvm_cmd" && exec "$_jgvm_sys" "$@"
    echo "error: no '$_jgvm_cmd' on PATH besides jgvm's shims ('system' selected by $_jgvm_src)" >&2
    echo "hint: install Go system-wide, or pick a jgvm version with 'jgvm use <version>'" >&2
    exit 127
  fi
  if _jgvm_find; then
    GOROOT=$JGVM_HOME/versions/$_jgvm_ver
    if [ -f "$GOROOT/bin/$_jgvm_cmd" ]; then
      PATH=$GOROOT/bin:$PATH
      export GOROOT PATH
      _jgvm_gotc=${JGVM_GOTOOLCHAIN-@GOTOOLCHAIN@}
      if [ -n "$_jgvm_gotc" ]; then GOTOOLCHAIN=$_jgvm_gotc; export GOTOOLCHAIN; fi
      exec "$GOROOT/bin/$_jgvm_cmd" "$@"
    fi
    echo "error: go $_jgvm_ver has no '$_jgvm_cmd' (go $_jgvm_ver selected by $_jgvm_src)" >&2
    echo "hint: '$_jgvm_cmd' comes with other Go versions; pick one with 'jgvm use <version>'" >&2
    exit 127
  fi
  _jgvm_bool "${JGVM_AUTO_INSTALL-}" @AUTO_INSTALL@
  case $_jgvm_b in
    1)
      if [ -z "${_JGVM_SHIM_INSTALLED-}" ]; then
        echo "info: go $_jgvm_tok is not installed; installing it (selected by $_jgvm_src)" >&2
        export JGVM_HOME   # the install goes to the home these shims belong to
        "$JGVM_HOME/bin/jgvm" install "$_jgvm_tok" >&2 || exit 127
        _JGVM_SHIM_INSTALLED=1
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
