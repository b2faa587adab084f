package dev.jgvm.core.error;

/** Bad input from the user: an unknown option, a malformed version or platform. */
public class UsageException extends JgvmException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message, String hint) { super(message, hint); }

    public UsageException(String message, String hint, Throwable cause) { super(message, hint, cause); }

    @Override public ExitCode exitCode() { return ExitCode.USAGE; }
}
