@echo off
rem jgvm shim for '@CMD@', written by jgvm; do not edit. Resolves like the sh shims, through jgvm exec.
if not defined JGVM_HOME set "JGVM_HOME=@HOME@"
call "%JGVM_HOME%\bin\jgvm.cmd" exec --shim -- @CMD@ %*
exit /b %ERRORLEVEL%
