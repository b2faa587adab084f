# The jgvm hook for bash and zsh (README, 'Shell set-up'; zsh runs it under sh emulation): at each prompt, the version selected here decides which GOROOT/bin is first on PATH,
# so `go` runs with no shim at all. Shell code only: no process is started at a prompt, and never a JVM. Leaving a
# project restores PATH and GOROOT as they were. The shims stay on PATH behind it for IDEs and scripts.
_jgvm_hook() {
  local _jgvm_new=
  if _jgvm_select && [ "$_jgvm_tok" != system ] && _jgvm_find; then _jgvm_new=$JGVM_HOME/versions/$_jgvm_ver; fi
  [ "$_jgvm_new" = "${_JGVM_HOOK_ROOT-}" ] && return 0
  if [ -n "${_JGVM_HOOK_ROOT-}" ]; then
    PATH=":$PATH:"
    case $PATH in *":$_JGVM_HOOK_ROOT/bin:"*) PATH=${PATH%%":$_JGVM_HOOK_ROOT/bin:"*}:${PATH#*":$_JGVM_HOOK_ROOT/bin:"} ;; esac
    PATH=${PATH#:}
    PATH=${PATH%:}
    if [ -n "${_JGVM_HOOK_GOROOT_WAS+x}" ]; then GOROOT=$_JGVM_HOOK_GOROOT_WAS; export GOROOT; else unset GOROOT; fi
  elif [ -n "$_jgvm_new" ]; then
    if [ -n "${GOROOT+x}" ]; then _JGVM_HOOK_GOROOT_WAS=$GOROOT; else unset _JGVM_HOOK_GOROOT_WAS; fi
  fi
  if [ -n "$_jgvm_new" ]; then
    PATH=$_jgvm_new/bin:$PATH
    GOROOT=$_jgvm_new
    export GOROOT
  fi
  export PATH
  _JGVM_HOOK_ROOT=$_jgvm_new
}
