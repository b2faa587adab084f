package dev.jgvm.core.error;

/** Evidence did not prove an archive genuine, or an archive is unsafe to extract. Never hidden. */
public class VerificationException extends JgvmException {
    private static final long serialVersionUID = 1L;

    public VerificationException(String message, String hint) { super(message, hint); }

    public VerificationException(String message, String hint, Throwable cause) { super(message, hint, cause); }

    @Override public ExitCode exitCode() { return ExitCode.VERIFICATION_FAILED; }
}
