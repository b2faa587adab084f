package dev.jgvm.core.error;

/** A version that is neither installed nor available, or no version selected at all. */
public class VersionNotFoundException extends JgvmException {
    private static final long serialVersionUID = 1L;

    public VersionNotFoundException(String message, String hint) { super(message, hint); }

    public VersionNotFoundException(String message, String hint, Throwable cause) { super(message, hint, cause); }

    @Override public ExitCode exitCode() { return ExitCode.NOT_FOUND; }
}
