#!/bin/sh
# The sh side of the conformance vectors: runs each laid-out case (see dev.jgvm.fixtures.ConformanceVectors)
# through the resolver functions, the real shim and the launcher's JVM-free `jgvm current`, and compares with the
# case's expect file. POSIX sh; run under dash, busybox sh and bash --posix.
# Usage: vectors.sh RESOLVER SHIMS_DIR LAUNCHER PROBE SANDBOX...
# SHIMS_DIR, LAUNCHER and PROBE may start with @, meaning "inside the case": @home/shims is SANDBOX/home/shims.
# PROBE (optional, '' for none) is the go shim cut where its fast path ends (ShimWriter.fastPathProbe): it runs what the
# full path runs or exits 99 having run nothing, and the case's fast= (1 or 0) says which it must do.
# Prints one line per failure and "N passed, M failed"; exits 1 if any failed.
resolver=$1 shims=$2 launcher=$3 probe=$4
shift 4
pass=0 fail=0
for box in "$@"; do
  name=${box##*/}
  out=$(
    unset JGVM_GO_VERSION JGVM_READ_GO_MOD
    cwd=
    while IFS= read -r line || [ -n "$line" ]; do
      key=${line%%=*}
      val=${line#*=}
      case $key in
        CWD) cwd=$val ;;
        *) export "$key=$val" ;;
      esac
    done <"$box/env"
    JGVM_HOME=$box/home HOME=$box
    export JGVM_HOME HOME
    case $cwd in
      '') dir=$box/tree ;;
      /*) dir=$cwd ;;
      *) dir=$box/tree/$cwd ;;
    esac
    cd "$dir" || { echo "cannot cd to $dir"; exit 1; }
    exp_exit= exp_version= exp_source= exp_valid=1 exp_fast=
    while IFS= read -r line; do
      case $line in
        valid=*) exp_valid=${line#valid=} ;;
        exit=*) exp_exit=${line#exit=} ;;
        version=*) exp_version=${line#version=} ;;
        source=*) exp_source=${line#source=} ;;
        fast=*) exp_fast=${line#fast=} ;;
      esac
    done <"$box/expect"

    case $shims in @*) shims=$box/${shims#@} ;; esac
    case $launcher in @*) launcher=$box/${launcher#@} ;; esac
    case $probe in @*) probe=$box/${probe#@} ;; esac

    # 1. The resolver functions, as the shims and the hook use them.
    . "$resolver"
    version= source= code=3
    if _jgvm_select; then
      source=$_jgvm_src
      case $source in "$box"/*) source=${source#"$box"/} ;; esac
      if [ "$_jgvm_tok" = system ]; then version=system code=0
      elif _jgvm_find; then version=$_jgvm_ver code=0
      else version=$_jgvm_tok
      fi
    fi
    got="$version from $source exit $code"
    want="$exp_version from $exp_source exit $exp_exit"
    [ "$got" = "$want" ] || { echo "resolver: got '$got', want '$want'"; exit 1; }

    # 2. The fast path alone: it either runs what the full path runs (then it decided the case) or leaves the case to the
    # full path having run nothing and said nothing (exit 99). The case's fast= says which it must do.
    if [ -n "$probe" ]; then
      probe_out=$(JGVM_AUTO_INSTALL=0 "$probe" version 2>&1)
      rc=$?
      if [ "$rc:$probe_out" = "99:" ]; then fast=0
      elif [ "$rc:$probe_out:$exp_exit:$exp_valid" = "0:go$exp_version version:0:1" ] && [ "$exp_version" != system ]; then fast=1
      else echo "fast path: got '$probe_out' exit $rc, want 'go$exp_version version' exit 0 or nothing and exit 99"; exit 1
      fi
      [ -z "$exp_fast" ] || [ "$fast" = "$exp_fast" ] || { echo "fast path: fast=$fast, want fast=$exp_fast"; exit 1; }
    fi

    # A near miss (valid=0) is no version to act on: the shim says so and never installs it, current prints nothing.
    if [ "$exp_valid" = 0 ]; then
      shim_err=$(JGVM_AUTO_INSTALL=1 "$shims/go" version 2>&1 >/dev/null)
      rc=$?
      case $shim_err in "error: '$exp_version' is not a Go version (selected by "*) ;; *) echo "shim: said '$shim_err'"; exit 1 ;; esac
      [ "$rc" = 127 ] || { echo "shim: exit $rc, want 127"; exit 1; }
      if [ -n "$launcher" ]; then
        cur=$("$launcher" current 2>/dev/null)
        rc=$?
        [ -z "$cur" ] && [ "$rc" = 3 ] || { echo "current: got '$cur' exit $rc, want nothing and exit 3"; exit 1; }
      fi
      echo ok
      exit 0
    fi

    # 3. The real shim: runs the selected version's go (each prints go<version>), or exits 127.
    if [ "$exp_exit" = 0 ] && [ "$exp_version" != system ]; then
      shim_out=$(JGVM_AUTO_INSTALL=0 "$shims/go" version 2>&1)
      [ "$shim_out" = "go$exp_version version" ] || { echo "shim: got '$shim_out', want 'go$exp_version version'"; exit 1; }
    elif [ "$exp_version" != system ]; then
      JGVM_AUTO_INSTALL=0 "$shims/go" version >/dev/null 2>&1
      rc=$?
      [ "$rc" = 127 ] || { echo "shim: exit $rc, want 127"; exit 1; }
    fi

    # 4. The launcher's JVM-free `jgvm current`.
    if [ -n "$launcher" ]; then
      cur=$("$launcher" current 2>/dev/null)
      rc=$?
      if [ -n "$exp_source" ]; then
        case $exp_source in JGVM_GO_VERSION) abs=JGVM_GO_VERSION ;; *) abs=$box/$exp_source ;; esac
        [ "$cur" = "$exp_version (from $abs)" ] || { echo "current: got '$cur', want '$exp_version (from $abs)'"; exit 1; }
      else
        [ -z "$cur" ] || { echo "current: got '$cur', want nothing"; exit 1; }
      fi
      [ "$rc" = "$exp_exit" ] || { echo "current: exit $rc, want $exp_exit"; exit 1; }
    fi
    echo ok
  )
  if [ "$out" = ok ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name: $out"
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
