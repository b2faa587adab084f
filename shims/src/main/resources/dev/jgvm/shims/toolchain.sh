# Go's own toolchain switch, in sh (README, "Go's own toolchain switch and jgvm"): the go.work or go.mod the go command
# finds from $PWD, its go and toolchain lines, Go's version order (internal/gover) and the toolchain Go 1.21+ switches
# to. Kept in step with core.resolve.GoModule and GoVersion by ShimIT and LauncherParityIT. Builtins only; needs
# resolve.sh's _jgvm_cr and _jgvm_bool.

# _jgvm_cutint: moves the leading decimal of _jgvm_r into _jgvm_n; fails on none, a leading zero, or over 9 digits.
_jgvm_cutint() {
  _jgvm_n=${_jgvm_r%%[!0123456789]*}
  case $_jgvm_n in ''|0?*|??????????*) return 1 ;; esac
  _jgvm_r=${_jgvm_r#"$_jgvm_n"}
}

# _jgvm_gvp VERSION: gover's parse into _jgvm_v1 (major) _jgvm_v2 (minor) _jgvm_v3 (patch) _jgvm_v4 (kind) _jgvm_v5 (pre).
_jgvm_gvp() {
  _jgvm_r=$1 _jgvm_v1= _jgvm_v2= _jgvm_v3= _jgvm_v4= _jgvm_v5=
  _jgvm_cutint || return 1
  _jgvm_v1=$_jgvm_n
  if [ -z "$_jgvm_r" ]; then _jgvm_v2=0 _jgvm_v3=0; return 0; fi
  case $_jgvm_r in .*) _jgvm_r=${_jgvm_r#.} ;; *) return 1 ;; esac
  _jgvm_cutint || return 1
  _jgvm_v2=$_jgvm_n
  # Before 1.21 a missing patch means .0; from 1.21 on, 1.21 is a language version below 1.21rc1 and 1.21.0.
  if [ -z "$_jgvm_r" ]; then [ "$_jgvm_v2" -lt 21 ] && _jgvm_v3=0; return 0; fi
  case $_jgvm_r in
    .*) _jgvm_r=${_jgvm_r#.}; _jgvm_cutint || return 1; _jgvm_v3=$_jgvm_n; [ -z "$_jgvm_r" ]; return ;;
  esac
  _jgvm_v4=${_jgvm_r%%[!abcdefghijklmnopqrstuvwxyz]*}
  [ -n "$_jgvm_v4" ] || return 1
  _jgvm_r=${_jgvm_r#"$_jgvm_v4"}
  [ -z "$_jgvm_r" ] && return 0
  _jgvm_cutint || return 1
  _jgvm_v5=$_jgvm_n
  [ -z "$_jgvm_r" ]
}

# _jgvm_ci X Y: 0 when X > Y, 1 when X < Y, 2 when equal; an empty number is the lowest.
_jgvm_ci() {
  [ "$1" = "$2" ] && return 2
  [ -z "$1" ] && return 1
  [ -z "$2" ] && return 0
  [ "$1" -gt "$2" ] && return 0
  return 1
}

_jgvm_kr() { case $1 in '') _jgvm_kk=0 ;; alpha) _jgvm_kk=1 ;; beta) _jgvm_kk=2 ;; rc) _jgvm_kk=3 ;; *) _jgvm_kk=4 ;; esac; }

# _jgvm_gt X Y: true when Go version X is newer than Y (gover.Compare; a malformed version is below every valid one).
_jgvm_gt() {
  _jgvm_gvp "$2" || { _jgvm_gvp "$1"; return; }
  _jgvm_b1=$_jgvm_v1 _jgvm_b2=$_jgvm_v2 _jgvm_b3=$_jgvm_v3 _jgvm_b4=$_jgvm_v4 _jgvm_b5=$_jgvm_v5
  _jgvm_gvp "$1" || return 1
  _jgvm_ci "$_jgvm_v1" "$_jgvm_b1"; case $? in 0) return 0 ;; 1) return 1 ;; esac
  _jgvm_ci "$_jgvm_v2" "$_jgvm_b2"; case $? in 0) return 0 ;; 1) return 1 ;; esac
  _jgvm_ci "$_jgvm_v3" "$_jgvm_b3"; case $? in 0) return 0 ;; 1) return 1 ;; esac
  _jgvm_kr "$_jgvm_b4"; _jgvm_kb=$_jgvm_kk; _jgvm_kr "$_jgvm_v4"
  [ "$_jgvm_kk" -gt "$_jgvm_kb" ] && return 0
  [ "$_jgvm_kk" -lt "$_jgvm_kb" ] && return 1
  _jgvm_ci "$_jgvm_v5" "$_jgvm_b5"
  [ $? = 0 ]
}

# _jgvm_up NAME: the nearest NAME from $PWD up into _jgvm_mf.
_jgvm_up() {
  _jgvm_u=${PWD:-/}
  [ "$_jgvm_u" = / ] && _jgvm_u=
  while :; do
    if [ -f "$_jgvm_u/$1" ]; then _jgvm_mf=$_jgvm_u/$1; return 0; fi
    [ -n "$_jgvm_u" ] || return 1
    _jgvm_u=${_jgvm_u%/*}
  done
}

# _jgvm_modfind: the file the go command reads its go and toolchain lines from: go.work (GOWORK names one, off skips
# it), else the nearest go.mod; sets _jgvm_mf.
_jgvm_modfind() {
  _jgvm_mf=
  case ${GOWORK-} in
    off) ;;
    ''|auto) _jgvm_up go.work ;;
    /*) [ -f "$GOWORK" ] && _jgvm_mf=$GOWORK ;;
    *) [ -f "$PWD/$GOWORK" ] && _jgvm_mf=$PWD/$GOWORK ;;
  esac
  [ -n "$_jgvm_mf" ] || _jgvm_up go.mod
}

# _jgvm_modlines FILE: the first go and toolchain lines' values into _jgvm_mgo and _jgvm_mtc (// comments dropped).
# A BOM stays: go.mod's lexer takes none (it is no space and no identifier), so a line led by one is no go or
# toolchain line to Go, as to core.resolve.GoModule.
_jgvm_modlines() {
  _jgvm_mgo= _jgvm_mtc=
  while IFS= read -r _jgvm_l || [ -n "$_jgvm_l" ]; do
    _jgvm_l=${_jgvm_l%"$_jgvm_cr"}
    _jgvm_l=${_jgvm_l#"${_jgvm_l%%[!	 ]*}"}
    _jgvm_l=${_jgvm_l%%//*}
    case $_jgvm_l in
      'go '*|'go	'*) [ -n "$_jgvm_mgo" ] && continue; _jgvm_t=${_jgvm_l#go} ;;
      'toolchain '*|'toolchain	'*) [ -n "$_jgvm_mtc" ] && continue; _jgvm_t=${_jgvm_l#toolchain} ;;
      *) continue ;;
    esac
    _jgvm_t=${_jgvm_t#"${_jgvm_t%%[!	 ]*}"}
    _jgvm_t=${_jgvm_t%%[	 ]*}
    case $_jgvm_l in go*) _jgvm_mgo=$_jgvm_t ;; *) _jgvm_mtc=$_jgvm_t ;; esac
  done <"$1"
}

# _jgvm_target MIN: the toolchain Go switches to with GOTOOLCHAIN auto or path when MIN runs (cmd/go's Select): the
# toolchain line when newer, then the go line when newer still; sets _jgvm_tgt (empty: no switch).
_jgvm_target() {
  _jgvm_tgt= _jgvm_min=$1
  [ "$_jgvm_mtc" = default ] && return 0
  case $_jgvm_mtc in */*|*\\*) _jgvm_tv= ;; go*) _jgvm_tv=${_jgvm_mtc#go} ;; *-go*) _jgvm_tv=${_jgvm_mtc#*-go} ;; *) _jgvm_tv= ;; esac
  _jgvm_tv=${_jgvm_tv%%[-+]*}
  if [ -n "$_jgvm_tv" ] && _jgvm_gt "$_jgvm_tv" "$_jgvm_min"; then _jgvm_tgt=$_jgvm_mtc _jgvm_min=$_jgvm_tv; fi
  if [ -n "$_jgvm_mgo" ] && _jgvm_gt "$_jgvm_mgo" "$_jgvm_min"; then
    _jgvm_tgt=go$_jgvm_mgo
    # A language version from 1.21 on names its first release, x.y.0 (golang.org/issue/62278).
    _jgvm_gvp "$_jgvm_mgo"
    if [ -z "$_jgvm_v3$_jgvm_v4" ] && ! _jgvm_gt 1.21 "$_jgvm_mgo"; then _jgvm_tgt=$_jgvm_tgt.0; fi
  fi
  return 0
}

# _jgvm_switch AUTO_INSTALL: in the go shim, with GOTOOLCHAIN in path mode, the toolchain go.mod asks for must be one of
# jgvm's version commands, or Go stops with "cannot find ... in PATH": install it through jgvm (its mirrors and
# evidence) when auto_install is on, else stop saying which 'jgvm install' fixes it.
_jgvm_switch() {
  case $_jgvm_gotc in path|*+path) ;; *) return 0 ;; esac
  _jgvm_gt 1.21 "$_jgvm_ver" && return 0   # Go before 1.21 never switches
  _jgvm_modfind || return 0
  _jgvm_modlines "$_jgvm_mf"
  _jgvm_m=$_jgvm_ver
  case $_jgvm_gotc in go*+path) _jgvm_m=${_jgvm_gotc%+path}; _jgvm_m=${_jgvm_m#go} ;; esac
  _jgvm_target "$_jgvm_m"
  [ -n "$_jgvm_tgt" ] || return 0
  [ -f "$JGVM_HOME/shims/$_jgvm_tgt" ] && return 0
  _jgvm_tv=${_jgvm_tgt#go}
  case $_jgvm_tgt in go*) ;; *) return 0 ;; esac
  case $_jgvm_tv in ''|*[!0123456789abcdefghijklmnopqrstuvwxyz.]*) return 0 ;; esac   # a custom toolchain name: Go's to judge
  _jgvm_bool "${JGVM_AUTO_INSTALL-}" "$1"
  # After the install the shim goes straight on to Go (no second pass through here, so no loop to guard).
  if [ "$_jgvm_b" = 1 ]; then
    echo "info: $_jgvm_mf asks for $_jgvm_tgt; installing it through jgvm for Go's toolchain switch (GOTOOLCHAIN=$_jgvm_gotc)" >&2
    export JGVM_HOME
    "$JGVM_HOME/bin/jgvm" install "$_jgvm_tv" >/dev/null || exit 127   # its answer (the GOROOT) is not go's output
    return 0
  fi
  echo "error: $_jgvm_mf asks for $_jgvm_tgt, which jgvm has not installed, and GOTOOLCHAIN=$_jgvm_gotc lets Go run only a $_jgvm_tgt found on PATH" >&2
  echo "hint: run 'jgvm install $_jgvm_tv' (Go's switch then runs jgvm's $_jgvm_tgt), or 'jgvm use' a version that is new enough" >&2
  exit 127
}

# _jgvm_gomod_warn: when Go 1.21+ would not run the selected _jgvm_ver here (go.work/go.mod asks for a newer go or
# toolchain), the launcher's current and use warn as Selected.warnIfOlderThanGoMod does: what Go does then, and the fix.
_jgvm_gomod_warn() {
  _jgvm_modfind || return 0
  _jgvm_modlines "$_jgvm_mf"
  _jgvm_target "$_jgvm_ver"
  [ -n "$_jgvm_tgt" ] || return 0
  if [ -n "$_jgvm_mgo" ] && _jgvm_gt "$_jgvm_mgo" "$_jgvm_ver"; then
    _jgvm_gvp "$_jgvm_mgo"
    _jgvm_lang=$_jgvm_v1.$_jgvm_v2
    [ "$_jgvm_lang" = 1.0 ] && _jgvm_lang=1
    _jgvm_wm="$_jgvm_mf needs go $_jgvm_mgo or newer, but the selected go $_jgvm_ver is older"
  else
    _jgvm_lang=$_jgvm_tv
    _jgvm_wm="$_jgvm_mf asks for toolchain $_jgvm_tgt, newer than the selected go $_jgvm_ver"
  fi
  _jgvm_hm="run 'jgvm install $_jgvm_lang' and 'jgvm use $_jgvm_lang'"
  _jgvm_c=${JGVM_GOTOOLCHAIN:-$_jgvm_gotc_default}
  if _jgvm_gt 1.21 "$_jgvm_ver"; then
    _jgvm_wm="$_jgvm_wm (Go before 1.21 cannot switch toolchains)"
  elif [ -f "$JGVM_HOME/shims/$_jgvm_tgt" ]; then
    _jgvm_wm="$_jgvm_wm; Go switches to jgvm's $_jgvm_tgt for it"
    _jgvm_hm="run 'jgvm use $_jgvm_lang' to select it here"
  else
    case $_jgvm_c in
      path|*+path) _jgvm_wm="$_jgvm_wm; with GOTOOLCHAIN=$_jgvm_c Go's switch needs jgvm's $_jgvm_tgt, which is not installed" ;;
      *) _jgvm_wm="$_jgvm_wm; with GOTOOLCHAIN=auto Go downloads $_jgvm_tgt itself, outside jgvm's mirrors and checks"
         _jgvm_hm="$_jgvm_hm, or set gotoolchain = \"path\" in config.toml" ;;
    esac
  fi
  _jgvm_say warn 33 "$_jgvm_wm"
  _jgvm_say hint 32 "$_jgvm_hm ('jgvm doctor' explains)"
}
