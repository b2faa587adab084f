# The shim's fast path (ARCHITECTURE.md, 'shims'): the common case, decided before the shell parses the resolver below
# it. A plain version (1.22.5, go1.22.5, 1.22, latest) on the first line of the nearest .go-version, or of the global
# default when no directory up to / has a version file, that is installed: exec it as the full path would. Anything
# else (JGVM_GO_VERSION, another kind of file found first, comments, CRLF, a version not installed, system...) falls
# through to the full resolver, which decides from scratch; so this path only ever does what that one would.
# Not with JGVM_GO_VERSION set, a rehash due, or the recursion guard's limit reached (all three are the full path's).
case ${JGVM_GO_VERSION-}$_jgvm_rehash:$_JGVM_SHIM_DEPTH in ?*:*|*:xxxxxxxxxxxxxxxxx*) ;; *)
  _jgvm_d=${PWD:-/}
  [ "$_jgvm_d" = / ] && _jgvm_d=
  while :; do
    # Four tests cost less in dash than one test of four -f joined by -o (its parser), and case less than a test.
    if [ -f "$_jgvm_d/.go-version" ] || [ -f "$_jgvm_d/.tool-versions" ] || [ -f "$_jgvm_d/go.work" ] || [ -f "$_jgvm_d/go.mod" ]; then
      _jgvm_f=$_jgvm_d/.go-version
      break
    fi
    case $_jgvm_d in '') _jgvm_f=$JGVM_HOME/version; break ;; esac
    _jgvm_d=${_jgvm_d%/*}
  done
  # Read as the resolver reads (resolve.sh): where read takes -n, no more than 4096 bytes. RANDOM marks the shells
  # that have it (bash, busybox sh); dash has neither. A read that fails (zsh's -n is another option) leaves nothing.
  _jgvm_l=
  { IFS= read -r ${RANDOM+-n4096} _jgvm_l; } 2>/dev/null <"$_jgvm_f"
  _jgvm_l=${_jgvm_l#go}
  # A token of 1000 characters or more is left to the full path too (its line may not end within 4096 bytes).
  case ${#_jgvm_l}:$_jgvm_l in
    ????*:*|*:|*:[!0123456789]*|*:*[!0123456789abcdefghijklmnopqrstuvwxyz.]*) ;;
    *)
      _jgvm_v=$_jgvm_l
      [ -f "$JGVM_HOME/aliases/$_jgvm_l" ] && { IFS= read -r _jgvm_v <"$JGVM_HOME/aliases/$_jgvm_l" || :; }
      # GOTOOLCHAIN in path mode wants the go shim's switch check first: the full path has it.
      _jgvm_gotc=${JGVM_GOTOOLCHAIN:-@GOTOOLCHAIN@}
      case $_jgvm_gotc in path|*+path) _jgvm_v= ;; esac
      if [ -n "$_jgvm_v" ] && [ -f "$JGVM_HOME/versions/$_jgvm_v/bin/$_jgvm_cmd" ]; then
        GOROOT=$JGVM_HOME/versions/$_jgvm_v
        PATH=$GOROOT/bin:$PATH
        export GOROOT PATH
        [ -z "$_jgvm_gotc" ] || { GOTOOLCHAIN=$_jgvm_gotc; export GOTOOLCHAIN; }
        unset _JGVM_SHIM_INSTALLED
        exec "$GOROOT/bin/$_jgvm_cmd" "$@"
      fi ;;
  esac
;; esac
