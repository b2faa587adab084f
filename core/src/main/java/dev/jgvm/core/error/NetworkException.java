package dev.jgvm.core.error;

import java.util.OptionalInt;

/** A mirror could not be reached or answered with a transport-level failure. */
public class NetworkException extends JgvmException {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;
    private final int refusedWith;

    public NetworkException(String message, String hint, boolean retryable, Throwable cause) {
        this(message, hint, retryable, 0, cause);
    }

    private NetworkException(String message, String hint, boolean retryable, int refusedWith, Throwable cause) {
        super(message, hint, cause);
        this.retryable = retryable;
        this.refusedWith = refusedWith;
    }

    /** A server that answered, but refused the request with 401 or 403. */
    public static NetworkException refused(String message, String hint, int status, Throwable cause) {
        if (status != 401 && status != 403) throw new IllegalArgumentException("not a refusal: HTTP " + status);
        return new NetworkException(message, hint, false, status, cause);
    }

    /**
     * For a server that answered 401 or 403, that status. A 401 asks for credentials whatever was asked for; a 403 may
     * also be how a storage bucket says it holds no such name (README, 'Downloads: mirrors are trusted for nothing').
     */
    public OptionalInt refusedWith() { return refusedWith == 0 ? OptionalInt.empty() : OptionalInt.of(refusedWith); }

    /** Whether repeating the same idempotent request may succeed (timeouts, 5xx, resets). */
    public boolean isRetryable() { return retryable; }

    @Override public ExitCode exitCode() { return ExitCode.NETWORK; }
}
