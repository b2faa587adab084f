# The shim's fast path (ARCHITECTURE.md, 'shims'): the common cases, decided before the shell parses the resolver below
# it. A plain version (1.22.5, go1.22.5, 1.22) on the first line of the nearest .go-version, in the toolchain line of the
# nearest go.work or go.mod that has one, or on the first line of the global default when no directory up to / has a
# version file, that is installed: exec it as the full path would. Anything else (JGVM_GO_VERSION, a .tool-versions,
# comments or CRLF in a .go-version, a toolchain line naming no plain version, a version not installed, system...)
# falls through to the full resolver, which decides from scratch; so this path only ever does what that one would.
# Not with JGVM_GO_VERSION set, a rehash due, or the recursion guard's limit reached (all three are the full path's).
# The first step handles the nearest .go-version and the global default; the second (parsed only when the first did
# not exec) carries on past a go.work or go.mod, so the common .go-version case pays nothing to parse for it.
case ${JGVM_GO_VERSION-}$_jgvm_rehash:$_JGVM_SHIM_DEPTH in ?*:*|*:xxxxxxxxxxxxxxxxx*) _jgvm_o= _jgvm_f= _jgvm_l= ;; *)
  # The walk goes up with cd and tests the four names relative to each directory: a relative name costs the kernel
  # one lookup where $d/name costs one per component of $d, and dash expands a short word faster. At 30 levels this
  # is 1.18M instructions instead of 1.65M (ARCHITECTURE.md, 'Cross-cutting notes'). cd -L .. visits the logical
  # parents that the resolver's ${d%/*} visits only for a plain absolute PWD (no //, . or .. component, no trailing
  # /); any other PWD, or a working directory the shell could not enter again by its name, leaves the walk to the
  # full path. cd changes OLDPWD, which is put back; if the way back fails meanwhile, nothing runs (below).
  _jgvm_f= _jgvm_l= _jgvm_o=
  case $PWD in *//*|*/./*|*/../*|*/.|*/..|?*/|[!/]*|'') ;; *) test -x "$PWD" && _jgvm_o=$PWD ;; esac
  case $_jgvm_o in ?*)
    _jgvm_op=${OLDPWD-} _jgvm_os=${OLDPWD+1}
    # Read as the resolver reads (resolve.sh): where read takes -n, no more than 4096 bytes. RANDOM marks the shells
    # that have it (bash, busybox sh); dash has neither. A read that fails (zsh's -n is another option) leaves nothing.
    {
      until test -f .go-version || test -f .tool-versions || test -f go.work || test -f go.mod; do
        case $PWD in /) _jgvm_f=$JGVM_HOME/version; break ;; esac
        cd -L .. || { _jgvm_f=-; break; }
      done
      case $_jgvm_f in '') _jgvm_f=${PWD%/}/.go-version ;; esac
      cd -L "$_jgvm_o" && _jgvm_o= || _jgvm_f=-
      case $_jgvm_f in -) ;; *) IFS= read -r ${RANDOM+-n4096} _jgvm_l <"$_jgvm_f" ;; esac
    } 2>/dev/null
    case $_jgvm_os in 1) OLDPWD=$_jgvm_op ;; *) unset OLDPWD ;; esac ;;
  esac
  _jgvm_t=${_jgvm_l#go}
  # A token of 1000 characters or more is left to the full path too (its line may not end within 4096 bytes).
  case ${#_jgvm_t}:$_jgvm_t in
    ????*:*|*:|*:[!0123456789]*|*:*[!0123456789abcdefghijklmnopqrstuvwxyz.]*) ;;
    *)
      _jgvm_v=$_jgvm_t
      test -f "$JGVM_HOME/aliases/$_jgvm_t" && { IFS= read -r _jgvm_v <"$JGVM_HOME/aliases/$_jgvm_t" || :; }
      # GOTOOLCHAIN in path mode wants the go shim's switch check first: the full path has it.
      _jgvm_gotc=${JGVM_GOTOOLCHAIN:-@GOTOOLCHAIN@}
      case $_jgvm_gotc in path|*+path) _jgvm_v= ;; esac
      case $_jgvm_v in ?*)
        if test -f "$JGVM_HOME/versions/$_jgvm_v/bin/$_jgvm_cmd"; then
          GOROOT=$JGVM_HOME/versions/$_jgvm_v
          PATH=$GOROOT/bin:$PATH
          export GOROOT PATH
          case $_jgvm_gotc in ?*) GOTOOLCHAIN=$_jgvm_gotc; export GOTOOLCHAIN ;; esac
          unset _JGVM_SHIM_INSTALLED
          exec "$GOROOT/bin/$_jgvm_cmd" "$@"
        fi ;;
      esac ;;
  esac
;; esac
# The walk stopped in a directory without a readable .go-version line (so one with a .tool-versions, go.work or
# go.mod), with read_go_mod on: go on from there as the resolver does, the common
# go.mod-only project included. In each directory: a .go-version's first line (as above); a .tool-versions leaves the
# rest to the full path; go.work then go.mod are read as the resolver reads them (100 lines, the lines that end within
# 4096 bytes, in bytes: LC_ALL=C where read takes -n) and the first line whose first word is toolchain decides; a file
# without one is skipped and the walk goes on up, to the global default at /. A toolchain line that names no plain
# version, a read that fails, anything unsure, runs nothing here: the full path decides from scratch.
case $_jgvm_l$_jgvm_o:$_jgvm_f in :*/.go-version)
  case ${JGVM_READ_GO_MOD:-$_jgvm_gomod_default} in 1|true|yes|on)
    _jgvm_o=$PWD _jgvm_op=${OLDPWD-} _jgvm_os=${OLDPWD+1} _jgvm_lcs=${LC_ALL+1} _jgvm_lcv=${LC_ALL-} _jgvm_f=${_jgvm_f%/.go-version}
    case ${RANDOM+1} in 1) LC_ALL=C ;; esac
    {
      cd -L "${_jgvm_f:-/}" && while :; do
        _jgvm_f=-
        if test -f .go-version; then _jgvm_f=${PWD%/}/.go-version; IFS= read -r ${RANDOM+-n4096} _jgvm_l <.go-version; break; fi
        test -f .tool-versions && break
        for _jgvm_m in go.work go.mod; do
          test -f $_jgvm_m || continue
          _jgvm_i=
          {
            _jgvm_i=0 _jgvm_c=0
            while IFS= read -r ${RANDOM+-n$((4096 - _jgvm_c))} _jgvm_l || [ -n "$_jgvm_l" ]; do
              # One case for the bounds and the quick test (only a line with toolchain in it can be a toolchain line).
              case $(( (_jgvm_i += 1) > 100 || (_jgvm_c += ${#_jgvm_l} + 1) > 4096 )):$_jgvm_l in
              1:*) _jgvm_l=; break ;;
              *toolchain*)
                _jgvm_l=${_jgvm_l#"@BOM@"}
                _jgvm_l=${_jgvm_l%"@CR@"}
                _jgvm_l=${_jgvm_l#"${_jgvm_l%%[!	 ]*}"}
                case $_jgvm_l in toolchain|toolchain" "*|toolchain"	"*)
                  _jgvm_l=${_jgvm_l#toolchain}
                  _jgvm_l=${_jgvm_l#"${_jgvm_l%%[!	 ]*}"}
                  _jgvm_l=${_jgvm_l%%[	 ]*}
                  _jgvm_l=${_jgvm_l:--}
                  break ;;
                esac ;;
              esac
            done
          } <$_jgvm_m
          # Unreadable (the resolver warns), or no line read from a file that has bytes (zsh's read -n): unsure.
          case $_jgvm_i:$_jgvm_l in :*) _jgvm_l=- ;; 0:) test -s $_jgvm_m && _jgvm_l=- ;; esac
          case $_jgvm_l in ?*) break 2 ;; esac
        done
        # Up to the next directory with one of the four names, or the global default at /.
        until
          case $PWD in /) _jgvm_f=$JGVM_HOME/version; IFS= read -r ${RANDOM+-n4096} _jgvm_l <"$_jgvm_f"; break 2 ;; esac
          cd -L .. || break 2
          test -f .go-version || test -f .tool-versions || test -f go.work || test -f go.mod
        do :; done
      done
      cd -L "$_jgvm_o" && _jgvm_o=
    } 2>/dev/null
    case $_jgvm_os in 1) OLDPWD=$_jgvm_op ;; *) unset OLDPWD ;; esac
    case ${RANDOM+r}$_jgvm_lcs in r) unset LC_ALL ;; r1) LC_ALL=$_jgvm_lcv ;; esac
    # What the first step does with a token, the same lines (the vectors hold both to the full path). Not a function
    # both steps call: measured with callgrind (dash, 5 levels, up to the exec), that costs the .go-version path
    # 661K -> 688K instructions (+4%) for 38K fewer on the go.mod path, and the .go-version path is the budgeted one.
    case $_jgvm_o in '')
      _jgvm_t=${_jgvm_l#go}
      case ${#_jgvm_t}:$_jgvm_t in
        ????*:*|*:|*:[!0123456789]*|*:*[!0123456789abcdefghijklmnopqrstuvwxyz.]*) ;;
        *)
          _jgvm_v=$_jgvm_t
          test -f "$JGVM_HOME/aliases/$_jgvm_t" && { IFS= read -r _jgvm_v <"$JGVM_HOME/aliases/$_jgvm_t" || :; }
          _jgvm_gotc=${JGVM_GOTOOLCHAIN:-@GOTOOLCHAIN@}
          case $_jgvm_gotc in path|*+path) _jgvm_v= ;; esac
          case $_jgvm_v in ?*)
            if test -f "$JGVM_HOME/versions/$_jgvm_v/bin/$_jgvm_cmd"; then
              GOROOT=$JGVM_HOME/versions/$_jgvm_v
              PATH=$GOROOT/bin:$PATH
              export GOROOT PATH
              case $_jgvm_gotc in ?*) GOTOOLCHAIN=$_jgvm_gotc; export GOTOOLCHAIN ;; esac
              unset _JGVM_SHIM_INSTALLED
              exec "$GOROOT/bin/$_jgvm_cmd" "$@"
            fi ;;
          esac ;;
      esac
    ;; esac ;;
  esac ;;
esac
# A first line of 4096 bytes or more (NUL bytes not counted) leaves the whole file without a version (resolve.sh): the
# full path is told so, as under dash reading it again would take as long as the read above, a byte per system call.
case ${#_jgvm_l} in ?????*|[56789]???|4[123456789]??|409[6789]) _jgvm_big=$_jgvm_f ;; esac
# The way back to the working directory failed (it was moved or removed meanwhile): go must not run elsewhere.
case $_jgvm_o in ?*)
  echo "error: cannot return to the working directory '$_jgvm_o' (moved or removed while the '$_jgvm_cmd' shim ran)" >&2
  echo "hint: run '$_jgvm_cmd' again from a directory that exists" >&2
  exit 127 ;;
esac
