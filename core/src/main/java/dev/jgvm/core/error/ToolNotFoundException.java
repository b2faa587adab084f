package dev.jgvm.core.error;

/** A command that is not in the selected Go version (or not on PATH); exit code chosen by the caller. */
public class ToolNotFoundException extends JgvmException {
    private static final long serialVersionUID = 1L;
    private final ExitCode code;

    public ToolNotFoundException(String message, String hint, ExitCode code) {
        super(message, hint);
        this.code = code;
    }

    @Override public ExitCode exitCode() { return code; }
}
