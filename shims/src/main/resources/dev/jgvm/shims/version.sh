#!/bin/sh
# jgvm version command 'go@VERSION@', written by jgvm (rehash, install, uninstall); do not edit.
# Runs exactly Go @VERSION@ from any directory, like golang.org/dl's wrappers (README, 'Shell set-up'). Go's own toolchain
# switch (GOTOOLCHAIN=path, or auto finding it on PATH) runs it when go.mod asks for go@VERSION@.
JGVM_HOME=${JGVM_HOME:-@HOME@}
GOROOT=$JGVM_HOME/versions/@VERSION@
if [ "${1-}" = download ] && [ $# = 1 ]; then exec "$JGVM_HOME/bin/jgvm" install '@VERSION@'; fi
if [ -f "$GOROOT/bin/go" ]; then
  PATH=$GOROOT/bin:$PATH
  export GOROOT PATH
  # Called by hand it is this version and no other; called by Go's switch, GOTOOLCHAIN stays as the caller had it.
  if [ -z "${GOTOOLCHAIN_INTERNAL_SWITCH_VERSION-}" ]; then GOTOOLCHAIN=local; export GOTOOLCHAIN; fi
  exec "$GOROOT/bin/go" "$@"
fi
echo "error: go @VERSION@ is not installed in '$JGVM_HOME'" >&2
echo "hint: run 'jgvm install @VERSION@'" >&2
exit 127
