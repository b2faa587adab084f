@echo off
rem jgvm version command 'go@VERSION@', written by jgvm; do not edit. Runs exactly Go @VERSION@, through jgvm exec.
if not defined JGVM_HOME set "JGVM_HOME=@HOME@"
if not defined GOTOOLCHAIN_INTERNAL_SWITCH_VERSION set "GOTOOLCHAIN=local"
call "%JGVM_HOME%\bin\jgvm.cmd" exec --version @VERSION@ -- go %*
exit /b %ERRORLEVEL%
