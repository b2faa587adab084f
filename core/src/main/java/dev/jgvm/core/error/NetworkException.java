package dev.jgvm.core.error;

/** A mirror could not be reached or answered with a transport-level failure. */
public class NetworkException extends JgvmException {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    public NetworkException(String message, String hint, boolean retryable, Throwable cause) {
        super(message, hint, cause);
        this.retryable = retryable;
    }

    /** Whether repeating the same idempotent request may succeed (timeouts, 5xx, resets). */
    public boolean isRetryable() { return retryable; }

    @Override public ExitCode exitCode() { return ExitCode.NETWORK; }
}
